package jp.kakehashi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A request's id goes from the proxy's header into the answer, the problem body and the log lines. */
@MicronautTest(transactional = false)
class RequestIdsTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    Http.Response get(Http http, String path, String id) {
        return http.send(HttpRequest.newBuilder(http.base().resolve(path)).header("X-Request-Id", id).GET());
    }

    @Test
    void aSentIdComesBackInTheHeaderAndTheProblemBodyAndAForgedOneIsReplaced() {
        Http http = new Http(server, json);
        Http.Response missing = get(http, "/api/v1/bulletins/999999999", "proxy-7f3a.1");
        assertEquals(404, missing.status());
        assertEquals("proxy-7f3a.1", missing.header("X-Request-Id"));
        assertEquals("proxy-7f3a.1", missing.map().get("requestId"));
        Http.Response refused = get(http, "/api/v1/users", "proxy-7f3a.2");
        assertEquals(401, refused.status(), "the security filter's refusal carries it too");
        assertEquals("proxy-7f3a.2", refused.header("X-Request-Id"));
        Http.Response forged = get(http, "/api/v1/bulletins/999999999", "x\" event=sign_in actor=\"admin");
        String made = forged.header("X-Request-Id");
        assertNotEquals(null, made);
        assertTrue(made.matches("[0-9a-f-]{36}"), made);
        assertEquals(made, forged.map().get("requestId"));
        assertTrue(get(http, "/api/v1/offices", "a".repeat(65)).header("X-Request-Id").matches("[0-9a-f-]{36}"));
    }

    @Test
    void signInsAreAuditLoggedWithTheRequestIdAcrossThreads() {
        Logger audit = (Logger) LoggerFactory.getLogger("kakehashi.audit");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        audit.addAppender(lines);
        try {
            Http http = new Http(server, json);
            Staffing staffing = new Staffing(http);
            var editor = staffing.editor("PAR");
            byte[] body = ("{\"username\":\"" + editor.username() + "\",\"password\":\"wrong password!\"}").getBytes();
            Http.Response failed = http.send(HttpRequest.newBuilder(http.base().resolve("/api/v1/auth/login"))
                    .header("Content-Type", "application/json").header("X-Request-Id", "login-try-1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            assertEquals(401, failed.status());
            List<ILoggingEvent> snapshot;
            // the appender adds under its own lock (AppenderBase.doAppend), from the server's threads
            synchronized (lines) {
                snapshot = new java.util.ArrayList<>(lines.list);
            }
            List<ILoggingEvent> mine = snapshot.stream()
                    .filter(e -> e.getFormattedMessage().contains("actor=\"" + editor.username() + "\"")).toList();
            assertEquals(List.of("event=sign_in_failed"), mine.stream().filter(e -> e.getFormattedMessage()
                    .startsWith("event=sign_in_failed")).map(e -> e.getFormattedMessage().split(" ")[0]).toList());
            assertEquals(Map.of("requestId", "login-try-1"), mine.stream().filter(e -> e.getFormattedMessage()
                    .startsWith("event=sign_in_failed")).findFirst().orElseThrow().getMDCPropertyMap());
            assertTrue(mine.stream().anyMatch(e -> e.getFormattedMessage().startsWith("event=sign_in ")),
                    "the staffing's own sign-in is there too");
        } finally {
            audit.detachAppender(lines);
        }
    }
}
