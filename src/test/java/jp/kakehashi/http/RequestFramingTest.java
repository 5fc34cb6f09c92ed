package jp.kakehashi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;

/**
 * RFC 9112 §6.1 and §6.3 over a raw socket: a request whose length two parsers could read two ways
 * (Content-Length beside chunked, a transfer coding other than chunked last) is refused with 400 and
 * the connection closed, so bytes a Content-Length-framing proxy took for the body can never be
 * served as a second, smuggled request. A request naming no Host or two is refused the same way.
 */
@MicronautTest(transactional = false)
class RequestFramingTest extends ServiceTest {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");
    private static final String BODY = "{\"code\":\"ATL\"}";
    private static final String SMUGGLED = "GET /api/v1/offices HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Test
    void contentLengthBesideChunkedIsRefusedAndTheConnectionClosed() throws IOException {
        String exchange = exchange("POST /api/v1/offices HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunked(BODY) + SMUGGLED);
        assertRefusedAlone(exchange);
    }

    @Test
    void aTransferCodingThatDoesNotEndInChunkedIsRefusedAndTheConnectionClosed() throws IOException {
        assertRefusedAlone(exchange("POST /api/v1/offices HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n" + SMUGGLED));
        assertRefusedAlone(exchange("POST /api/v1/offices HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked, gzip\r\n\r\n"
                + chunked(BODY) + SMUGGLED));
        assertRefusedAlone(exchange("POST /api/v1/offices HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunked(BODY) + SMUGGLED));
        assertRefusedAlone(exchange("POST /api/v1/offices HTTP/1.0\r\nHost: localhost\r\nConnection: keep-alive\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(BODY) + SMUGGLED));
    }

    /** RFC 9112 §3.2: an HTTP/1.1 request names exactly one Host; HTTP/1.0 may name none. */
    @Test
    void anHttp11RequestWithoutAHostOrWithTwoIsRefused() throws IOException {
        assertRefusedAlone(exchange("GET /api/v1/offices HTTP/1.1\r\n\r\n" + SMUGGLED), "INVALID_HOST");
        assertRefusedAlone(exchange("GET /api/v1/offices HTTP/1.1\r\nHost: localhost\r\nHost: example.org\r\n\r\n"
                + SMUGGLED), "INVALID_HOST");
        String old = exchange("GET /api/v1/offices HTTP/1.0\r\n\r\n");
        assertTrue(old.startsWith("HTTP/1.0 200 "), old);
    }

    @Test
    void aChunkedRequestAndTheOneBehindItAreBothServed() throws IOException {
        String exchange = exchange("POST /api/v1/offices HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(BODY)
                + "GET /api/v1/offices HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertAnsweredInTurn(exchange, "405", "200");
    }

    /**
     * RFC 9112 §7.1.1: a chunk may carry extensions, which a recipient ignores. With the build's
     * Netty modules at 4.2.12 and 4.2.16 side by side, this body was refused as missing (400) and the
     * request behind it never answered.
     */
    @Test
    void aChunkExtensionIsIgnoredAndTheRequestBehindItServed() throws IOException {
        byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
        String exchange = exchange("POST /api/v1/offices HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(bytes.length) + ";ext=1\r\n" + BODY + "\r\n0\r\n\r\n"
                + "GET /api/v1/offices HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertAnsweredInTurn(exchange, "405", "200");
    }

    /**
     * A chunked body that cannot be decoded leaves nothing after it framable: Netty discards the rest
     * of the connection. It is answered and then closed, not left open for a client to send its next
     * request into and wait until the idle timeout.
     */
    @Test
    void aBrokenChunkedBodyIsAnsweredAndTheConnectionClosed() throws IOException {
        String broken = "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + BODY
                + "\r\n0\r\n\r\n";
        assertAnsweredInTurn(exchange("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n" + broken + SMUGGLED),
                "400");
        assertAnsweredInTurn(exchange("POST /api/v1/offices HTTP/1.1\r\nHost: localhost\r\n" + broken + SMUGGLED),
                "405");
    }

    /**
     * The security headers were set by a server filter, which never sees what Micronaut answers by
     * itself: the security filter's 401 and 403, framing refusals, 414 and 431 went out without them.
     */
    @Test
    void everyAnswerCarriesTheSecurityHeadersWhoeverProducedIt() throws IOException {
        String translator = new Staffing(new Http(server, json)).translator("PAR").token();
        String close = "Host: localhost\r\nConnection: close\r\n";
        java.util.Map<String, String> requests = new java.util.LinkedHashMap<>();
        requests.put("401", "GET /api/v1/auth/me HTTP/1.1\r\n" + close + "\r\n");
        requests.put("401 ", "GET /api/v1/auth/me HTTP/1.1\r\n" + close + "Authorization: Bearer a.b.c\r\n\r\n");
        requests.put("403", "GET /api/v1/users HTTP/1.1\r\n" + close + "Authorization: Bearer " + translator + "\r\n\r\n");
        requests.put("400", "GET /api/v1/offices HTTP/1.1\r\n\r\n");
        requests.put("400 ", "POST /api/v1/offices HTTP/1.1\r\n" + close + "Content-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunked(BODY));
        requests.put("414", "GET /api/v1/offices?q=" + "a".repeat(140_000) + " HTTP/1.1\r\n" + close + "\r\n");
        requests.put("431", "GET /api/v1/offices HTTP/1.1\r\n" + close + "X-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        requests.put("404", "GET /nowhere HTTP/1.1\r\n" + close + "\r\n");
        requests.put("505", "GET /api/v1/offices HTTP/2.0\r\n" + close + "\r\n");
        for (var r : requests.entrySet()) {
            String answer = exchange(r.getValue());
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
            // a request line too long to read has no version Netty could take, so 414 goes out as HTTP/1.0
            assertTrue(answer.matches("(?s)HTTP/1\\.[01] " + r.getKey().strip() + " .*"), r.getKey() + ": " + answer);
            assertTrue(head.contains("\r\ncontent-security-policy: default-src 'none'"), r.getKey() + ": " + head);
            assertTrue(head.contains("\r\nx-content-type-options: nosniff"), r.getKey() + ": " + head);
            assertTrue(head.contains("\r\nx-frame-options: deny"), r.getKey() + ": " + head);
            assertTrue(head.contains("\r\nreferrer-policy: same-origin"), r.getKey() + ": " + head);
        }
    }

    /**
     * An HTTP/2.0 (or 1.2, 3.0) request line on an HTTP/1 connection was served, and answered with
     * "HTTP/2.0 200" in HTTP/1 framing. RFC 9110 §15.6.6: 505, in a version the client can read.
     */
    @Test
    void aRequestLineOfAnotherHttpVersionIsAnswered505InHttp11() throws IOException {
        for (String version : java.util.List.of("HTTP/2.0", "HTTP/1.2", "HTTP/3.0")) {
            String answer = exchange("GET /api/v1/offices " + version + "\r\nHost: localhost\r\n\r\n" + SMUGGLED);
            assertTrue(answer.startsWith("HTTP/1.1 505 "), version + ": " + answer);
            assertTrue(answer.contains("\"code\":\"HTTP_VERSION_NOT_SUPPORTED\""), answer);
            assertAnsweredInTurn(answer.replace("HTTP/1.1 505", "HTTP/1.1 505"), "505");
        }
    }

    /** Exactly these statuses, in this order, on one connection. */
    private static void assertAnsweredInTurn(String exchange, String... expected) {
        Matcher statuses = STATUS_LINE.matcher(exchange);
        for (String status : expected) {
            assertTrue(statuses.find(), exchange);
            assertEquals(status, statuses.group(1), exchange);
        }
        assertTrue(!statuses.find(), "more answers than expected: " + exchange);
    }

    private static void assertRefusedAlone(String exchange) {
        assertRefusedAlone(exchange, "AMBIGUOUS_FRAMING");
    }

    private static void assertRefusedAlone(String exchange, String code) {
        Matcher statuses = STATUS_LINE.matcher(exchange);
        assertTrue(statuses.find(), exchange);
        assertEquals("400", statuses.group(1), exchange);
        assertTrue(exchange.contains("application/problem+json"), exchange);
        assertTrue(exchange.contains("\"code\":\"" + code + "\""), exchange);
        // HTTP/1.0 closes unless told to keep alive; HTTP/1.1 says that it closes.
        assertTrue(exchange.startsWith("HTTP/1.0 ")
                || exchange.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n"), exchange);
        assertTrue(!statuses.find(), "the request behind it was served: " + exchange);
    }

    private static String chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Integer.toHexString(bytes.length) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    /** Writes the bytes and reads until the server closes; a server that keeps it open fails here. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    read.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("connection left open after: "
                        + read.toString(StandardCharsets.UTF_8), e);
            }
            return read.toString(StandardCharsets.UTF_8);
        }
    }
}
