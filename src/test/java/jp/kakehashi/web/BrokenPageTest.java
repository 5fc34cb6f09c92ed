package jp.kakehashi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** A template that fails while rendering is answered at once with an error, not left hanging. */
@MicronautTest(transactional = false)
class BrokenPageTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void aPageWhoseTemplateFailsIsAnsweredWithAnErrorAtOnce() {
        Http http = new Http(server, json);
        long start = System.nanoTime();
        Http.Response r = http.get("/test-only/broken-page");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(500, r.status(), r.body());
        assertTrue(millis < 5_000, "answered, not timed out: " + millis + " ms");
        assertTrue(!r.body().contains("nothing.there"), "no template internals in the answer: " + r.body());
        assertEquals(200, http.get("/").status(), "the server goes on serving pages");
    }
}
