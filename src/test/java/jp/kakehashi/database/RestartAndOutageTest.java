package jp.kakehashi.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.kakehashi.support.ContextStarts;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;

/** Whole-service lifecycle: data survives a restart; a lost database gives 503 and comes back by itself. */
@Slow
class RestartAndOutageTest {
    private static final String DATA = "target/test-data/restart-" + System.nanoTime();

    private static EmbeddedServer start() {
        return ContextStarts.server(Map.of("kakehashi.data-dir", DATA,
                "kakehashi.admin-password", Staffing.ADMIN_PASSWORD), "test");
    }

    private static Map<String, Object> bulletin(String title) {
        return Map.of("titleJa", title, "publishedOn", "2026-11-22", "pairs", List.of(Map.of("office", "SEL",
                "sourceLang", "ja", "source", Map.of("title", title, "body", "ソウル事務所の記事。"))));
    }

    @Test
    void dataSurvivesARestartAndADatabaseOutageIsA503UntilItReturns() throws Exception {
        Object id;
        String token;
        try (EmbeddedServer server = start()) {
            Http http = new Staffing(new Http(server, server.getApplicationContext().getBean(JsonMapper.class)))
                    .editor("SEL").http();
            token = http.token();
            Http.Response created = http.postJson("/api/v1/bulletins", bulletin("再起動前の記事"));
            assertEquals(201, created.status(), created.body());
            id = created.map().get("id");
        }
        try (EmbeddedServer server = start()) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class)).as(token);
            Http.Response read = http.get("/api/v1/bulletins/" + id);
            assertEquals(200, read.status(), "the bulletin and the token survive a restart on the same data dir");
            assertEquals("再起動前の記事", read.map().get("titleJa"));

            EmbeddedMariaDb db = server.getApplicationContext().getBean(EmbeddedLifecycle.class).database().orElseThrow();
            db.stop();
            for (Http.Response r : List.of(http.get("/api/v1/bulletins/" + id),
                    http.postJson("/api/v1/bulletins", bulletin("停止中の記事")))) {
                assertEquals(503, r.status(), r.body());
                assertTrue(r.contentType().startsWith("application/problem+json"));
                assertEquals("DATABASE_UNAVAILABLE", r.map().get("code"));
                assertEquals("5", r.header("Retry-After"));
            }
            // a reader's browser gets the error page, with the same status and Retry-After
            Http.Response page = http.anonymous().send(java.net.http.HttpRequest.newBuilder(
                    http.base().resolve("/bulletins/" + id)).header("Accept", "text/html")
                    .header("Accept-Language", "en").GET());
            assertEquals(503, page.status(), page.body());
            assertTrue(page.contentType().startsWith("text/html"), page.contentType());
            assertEquals("5", page.header("Retry-After"));
            assertTrue(page.body().contains("<h1>The database is unavailable"), page.body());
            db.restart();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            int status = 0;
            while (Instant.now().isBefore(deadline) && status != 200) {
                status = http.get("/api/v1/bulletins/" + id).status();
                if (status != 200) {
                    Thread.sleep(200);
                }
            }
            assertEquals(200, status, "the service recovers within 15 s of the database");
            assertEquals(201, http.postJson("/api/v1/bulletins", bulletin("復旧後の記事")).status());
        }
    }
}
