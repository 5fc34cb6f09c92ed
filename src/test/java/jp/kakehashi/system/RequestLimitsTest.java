package jp.kakehashi.system;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests past the server's limits are refused with the status that names the limit, as
 * problem+json: a client told "body too large" for an oversized cookie looks in the wrong place.
 */
@MicronautTest(transactional = false)
class RequestLimitsTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Http http;

    @BeforeAll
    void setUp() {
        http = new Http(server, json);
    }

    @Test
    void headersPastTheLimitAnswer431NotBodyTooLarge() {
        Http.Response r = http.send(HttpRequest.newBuilder(http.base().resolve("/api/v1/offices"))
                .header("X-Padding", "x".repeat(20_000)).GET());
        assertProblem(r, 431, "HEADERS_TOO_LARGE");
        assertEquals(200, http.get("/api/v1/offices").status(), "the next request is served");
    }

    /**
     * Micronaut's own parser of Accept-Language and Accept-Charset throws on a list with an empty
     * member (";;;", ","), and every page and search answered 500 to it. A header that does not parse
     * is now treated as absent, as the problem titles already treated Accept-Language: the page and
     * the problem come in the default language.
     */
    @Test
    void anAcceptLanguageOrAcceptCharsetThatDoesNotParseIsTreatedAsAbsent() {
        for (String name : new String[] {"Accept-Language", "Accept-Charset"}) {
            for (String header : new String[] {";;;", ",", " ;", ",,,", "ja;q=abc", ";q=1"}) {
                Http.Response page = http.send(HttpRequest.newBuilder(http.base().resolve("/?q=x"))
                        .header("Accept", "text/html").header(name, header).GET());
                assertEquals(200, page.status(), name + ": " + header + ": " + page.body());
                assertTrue(page.body().contains("<html lang="), name + ": " + header);
                Http.Response problem = http.send(HttpRequest.newBuilder(http.base().resolve("/api/v1/search?size=0"))
                        .header(name, header).GET());
                assertProblem(problem, 400, "INVALID_PARAMETER");
            }
        }
        Http.Response japanese = http.send(HttpRequest.newBuilder(http.base().resolve("/?q=x"))
                .header("Accept", "text/html").header("Accept-Language", "ja-JP,ja;q=0.9,en;q=0.8")
                .header("Accept-Charset", "utf-8, iso-8859-1;q=0.5").GET());
        assertEquals(200, japanese.status(), japanese.body());
        assertTrue(japanese.body().contains("<html lang=\"ja\""), "a well-formed header still chooses");
    }

    /** reliability.md: a compressed bomb is a 413 and no memory spike; the server inflates 2 MB at most. */
    @Test
    void aCompressedBodyThatInflatesPastTheLimitIsRefusedWith413() throws Exception {
        var packed = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(packed)) {
            byte[] line = "◇あいうえお(パリ事務所)\n".repeat(1_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < 2_000; i++) {
                gzip.write(line); // 64 MB inflated
            }
        }
        Http editor = new jp.kakehashi.support.Staffing(http).editor("PAR").http();
        Http.Response r = editor.send(HttpRequest.newBuilder(http.base().resolve("/api/v1/bulletins/import"))
                .header("Content-Type", "text/plain; charset=utf-8").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(packed.toByteArray())));
        assertProblem(r, 413, "BODY_TOO_LARGE");
        assertEquals(200, http.get("/api/v1/offices").status(), "the next request is served");
    }

    @Test
    void aRequestLinePastTheLimitAnswers414() {
        Http.Response r = http.get("/api/v1/search?q=" + "x".repeat(140_000));
        assertProblem(r, 414, "URI_TOO_LONG");
        assertEquals(200, http.get("/api/v1/offices").status(), "the next request is served");
    }
}
