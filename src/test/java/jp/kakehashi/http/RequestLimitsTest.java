package jp.kakehashi.http;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
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

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kakehashi.http.header-timeout", "2s", "kakehashi.http.body-idle-timeout", "2s",
                "kakehashi.http.keep-alive-timeout", "3s");
    }

    /**
     * Slow clients hold a connection each: a probe kept 100 open for 30-35 s (one header byte now
     * and then, a body that stopped). With the deadlines at 2 s (3 s for keep-alive), each kind is
     * closed within the deadline and a second of checking, and others are served meanwhile.
     */
    @Test
    void slowHeadersStalledBodiesAndIdleConnectionsAreClosedWhileOthersAreServed() throws Exception {
        List<Socket> silent = new ArrayList<>();
        List<Socket> trickling = new ArrayList<>();
        List<Socket> stalled = new ArrayList<>();
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                silent.add(open(""));
                trickling.add(open("GET /api/v1/offices HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
                stalled.add(open("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"username\":"));
                Socket kept = open("GET /api/v1/offices HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertTrue(readHead(kept).startsWith("HTTP/1.1 200 "));
                idle.add(kept);
            }
            long start = System.nanoTime();
            // the trickle sends a byte every 300 ms: never idle, but its head never ends
            while (System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(7)
                    && trickling.stream().anyMatch(s -> !s.isClosed())) {
                for (Socket s : trickling) {
                    try {
                        s.getOutputStream().write('x');
                    } catch (IOException closedByServer) {
                        s.close();
                    }
                }
                long answered = System.nanoTime();
                assertEquals(200, http.get("/api/v1/offices").status(), "others are served meanwhile");
                assertTrue(System.nanoTime() - answered < java.util.concurrent.TimeUnit.SECONDS.toNanos(2));
                Thread.sleep(300);
            }
            for (List<Socket> kind : List.of(silent, trickling, stalled, idle)) {
                for (Socket s : kind) {
                    assertClosedBy(s, start + java.util.concurrent.TimeUnit.SECONDS.toNanos(8));
                }
            }
        } finally {
            for (List<Socket> kind : List.of(silent, trickling, stalled, idle)) {
                for (Socket s : kind) {
                    s.close();
                }
            }
        }
    }

    /**
     * Jackson decoded overlong UTF-8 ({@code C0 BC} became "<", {@code E0 80 BC} too, {@code C0 AF}
     * "/"), and JSON took NUL and lone surrogates (stored as "?"), while the text import refused
     * them: now every kind of body is held to the same rules, and nothing is stored.
     */
    @Test
    void bodiesThatAreNotStrictUtf8OrCarryNulAreRefusedWhateverTheirKind() {
        Staffing staffing = new Staffing(http);
        Http admin = staffing.admin();
        Http editor = staffing.editor("PAR").http();
        String name = "strict" + System.nanoTime() % 1_000_000;
        java.util.Map<String, byte[]> refusedUtf8 = new java.util.LinkedHashMap<>();
        refusedUtf8.put("C0 BC", bytes("ov", 0xC0, 0xBC));
        refusedUtf8.put("E0 80 BC", bytes("ov", 0xE0, 0x80, 0xBC));
        refusedUtf8.put("C0 AF", bytes("ov", 0xC0, 0xAF));
        refusedUtf8.put("ED A0 80 (an encoded surrogate)", bytes("ov", 0xED, 0xA0, 0x80));
        refusedUtf8.put("\\ud800 alone", ascii("ov\\ud800"));
        refusedUtf8.put("\\udc00 alone", ascii("ov\\udc00x"));
        refusedUtf8.put("\\ud800 before another escape", ascii("ov\\ud800\\u0041"));
        for (var c : refusedUtf8.entrySet()) {
            assertProblem(admin.post("/api/v1/users", "application/json", user(name, c.getValue())), 400, "INVALID_UTF8");
        }
        assertProblem(admin.post("/api/v1/users", "application/json", user(name, ascii("ov\\u0000"))), 400, "NUL_BYTE");
        assertProblem(admin.post("/api/v1/users", "application/json; charset=utf-8", user(name, bytes("ov", 0))),
                400, "NUL_BYTE");
        assertTrue(!admin.get("/api/v1/users").body().contains(name), "nothing was stored");
        // what the rules must not refuse: a surrogate pair, an escaped backslash before "u0000"
        Http.Response pair = admin.post("/api/v1/users", "application/json", user(name, ascii("\\ud83d\\ude00 \\\\u0000")));
        assertEquals(201, pair.status(), pair.body());
        assertEquals("\uD83D\uDE00 \\u0000", pair.map().get("displayName"));

        assertProblem(http.post("/api/v1/auth/login", "application/x-www-form-urlencoded",
                ascii("username=ov%C0%BC&password=x")), 400, "INVALID_UTF8");
        assertProblem(http.post("/api/v1/auth/login", "application/x-www-form-urlencoded",
                ascii("username=ov%00&password=x")), 400, "NUL_BYTE");
        assertProblem(editor.post("/api/v1/bulletins/import", "text/plain; charset=utf-8", bytes("◇ ov", 0xC0, 0xBC)),
                400, "INVALID_UTF8");
        byte[] tbx = bytes("<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body><conceptEntry><langSec xml:lang=\"ja\">"
                + "<termSec><term>ov", 0xC0, 0xBC);
        assertProblem(editor.post("/api/v1/glossary/import", "application/x-tbx+xml", tbx), 400, "INVALID_UTF8");
    }

    private static byte[] user(String name, byte[] displayName) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(ascii("{\"username\":\"" + name + "\",\"password\":\"a long passphrase here\","
                + "\"roles\":[\"TRANSLATOR\"],\"offices\":[\"PAR\"],\"displayName\":\""));
        out.writeBytes(displayName);
        out.writeBytes(ascii("\"}"));
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String prefix, int... tail) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        for (int b : tail) {
            out.write(b);
        }
        return out.toByteArray();
    }

    private Socket open(String sent) throws IOException {
        Socket s = new Socket("localhost", server.getPort());
        s.getOutputStream().write(sent.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        return s;
    }

    private static String readHead(Socket s) throws IOException {
        s.setSoTimeout(5_000);
        byte[] buffer = new byte[16_384];
        int n = s.getInputStream().read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    /** The server closes the socket (end of stream or reset) before the deadline; anything it sent first is skipped. */
    private static void assertClosedBy(Socket s, long deadline) throws IOException {
        if (s.isClosed()) {
            return; // closed here after a write found the server had closed it
        }
        byte[] buffer = new byte[16_384];
        while (true) {
            long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            assertTrue(left > 0, "still open at the deadline");
            s.setSoTimeout((int) left);
            try {
                if (s.getInputStream().read(buffer) < 0) {
                    return;
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("still open at the deadline", e);
            } catch (java.net.SocketException reset) {
                return;
            }
        }
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

    /** docs/design/consistency.md: a compressed bomb is a 413 and no memory spike; the server inflates 2 MB at most. */
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
