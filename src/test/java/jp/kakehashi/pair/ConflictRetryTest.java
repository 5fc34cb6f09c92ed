package jp.kakehashi.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.kakehashi.support.Await;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;

/**
 * A write that InnoDB picks as a deadlock victim (on Galera: that fails certification; both are
 * error 1213 and roll the transaction back whole) is run again by the service, not answered 409,
 * and what it writes is there once.
 */
@MicronautTest(transactional = false)
class ConflictRetryTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Property(name = "datasources.default.url")
    String url;

    @Test
    void aClaimThatLosesADeadlockIsRunAgainAndWrittenOnce() throws Exception {
        Staffing staffing = new Staffing(new Http(server, json));
        long pair = Fixtures.bulletin(staffing.editor("PAR").http(), "PAR", 1, false).pairIds().getFirst();
        Staffing.Person translator = staffing.translator("PAR");
        Http.Response answer = deadlocked(() -> translator.http().postJson("/api/v1/pairs/" + pair + "/claim", Map.of()),
                "doc_pair", pair);
        assertEquals(200, answer.status(), answer.body());
        assertEquals("CLAIMED", answer.map().get("status"));
        assertEquals(1, db().count("SELECT COUNT(*) FROM audit_event WHERE pair_id = ? AND action = 'claim'", pair),
                "one claim in the audit");
        assertEquals(1, db().count("SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ? AND kind = 'claim'", pair),
                "one outbox row for it");
        String metrics = staffing.admin().get("/api/v1/metrics").body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("kakehashi_write_retries_total") && !l.endsWith(" 0.0")),
                "the retry is counted: " + metrics.lines().filter(l -> l.contains("retries")).toList());
    }

    /** The same through {@code @RetryOnConflict} on a {@code @Transactional} service method. */
    @Test
    void aRetitleThatLosesADeadlockIsRunAgainAndWrittenOnce() throws Exception {
        Staffing staffing = new Staffing(new Http(server, json));
        Staffing.Person editor = staffing.editor("LON");
        long bulletin = Fixtures.bulletin(editor.http(), "LON", 1, false).bulletinId();
        Http.Response read = editor.http().get("/api/v1/bulletins/" + bulletin);
        Map<String, Object> titles = Map.of("titleJa", read.map().get("titleJa"), "titleEn", "Retitled once");
        Http.Response answer = deadlocked(() -> editor.http().write("PUT", "/api/v1/bulletins/" + bulletin + "/titles",
                titles, read.header("ETag")), "bulletin", bulletin);
        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, db().count("SELECT COUNT(*) FROM audit_event WHERE bulletin_id = ? AND action = 'bulletin_retitle'",
                bulletin));
        assertEquals(1, db().count("SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ? AND kind = 'retitled'",
                bulletin));
    }

    /**
     * Runs {@code write} so that it loses a deadlock: another transaction, heavier so that InnoDB
     * picks the write as its victim, holds the gap after the last outbox row (the write's outbox
     * INSERT waits there) and then asks for the row of {@code table} the write has updated.
     */
    private Http.Response deadlocked(Supplier<Http.Response> write, String table, long id) throws Exception {
        Db db = db();
        db.update("CREATE TABLE IF NOT EXISTS ballast (id INT PRIMARY KEY)");
        CompletableFuture<Http.Response> answer;
        try (Connection other = DriverManager.getConnection(url, "root", "")) {
            other.setAutoCommit(false);
            try (var s = other.createStatement()) {
                s.executeUpdate("INSERT INTO ballast SELECT seq FROM seq_1_to_2000");
                s.executeQuery("SELECT id FROM outbox_event WHERE id > (SELECT COALESCE(MAX(id), 0) FROM outbox_event)"
                        + " FOR UPDATE").close();
                answer = CompletableFuture.supplyAsync(write);
                CompletableFuture<Http.Response> started = answer;
                Await.until("the write waits for the outbox gap", Duration.ofSeconds(20), () -> {
                    if (started.isDone()) {
                        throw new AssertionError("the write did not wait: " + started.join().body());
                    }
                    return db.count("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                            + " WHERE info LIKE 'INSERT INTO `outbox_event`%'") > 0;
                });
                s.executeQuery("SELECT id FROM " + table + " WHERE id = " + id + " FOR UPDATE").close();
                s.executeUpdate("DELETE FROM ballast");
            }
            other.commit();
        }
        return answer.get();
    }

    private Db db() {
        return new Db(dataSource);
    }
}
