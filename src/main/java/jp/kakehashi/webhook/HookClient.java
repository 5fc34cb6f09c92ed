package jp.kakehashi.webhook;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One webhook POST over HTTP/1.1, written here rather than with a general client so that every
 * bound is ours: it connects only to the addresses {@link AddressGuard} checked (never resolving
 * the name again), follows no redirect (a 3xx is an answer like any other), gives the whole attempt
 * one deadline, and reads at most {@link #MAX_ANSWER} bytes of what comes back. TLS checks the
 * certificate against the URL's host name, with SNI.
 */
@Singleton
class HookClient {
    static final int MAX_ANSWER = 64 * 1024;
    private final WebhookSettings settings;

    HookClient(WebhookSettings settings) {
        this.settings = settings;
    }

    /** The receiver's status code; {@code error} says what went wrong when there is none (status 0). */
    record Answer(int status, String error, long millis) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    Answer post(WebhookUrl url, byte[] body, Map<String, String> headers) {
        long start = System.nanoTime();
        long deadline = start + settings.getTimeout().toNanos();
        List<InetAddress> addresses;
        try {
            addresses = AddressGuard.resolve(url.host(), settings.allowed());
        } catch (AddressGuard.Refused refused) {
            return new Answer(0, refused.getMessage(), 0);
        }
        try (Socket socket = connect(addresses, url.port())) {
            Socket s = url.tls() ? tls(socket, url) : socket;
            write(s.getOutputStream(), url, body, headers);
            int status = status(s.getInputStream(), deadline, s);
            return new Answer(status, status == 0 ? "no HTTP answer" : null, millis(start));
        } catch (SocketTimeoutException e) {
            return new Answer(0, "timed out", millis(start));
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a host name TLS will not carry as SNI (an underscore in it)
            return new Answer(0, e.getClass().getSimpleName() + ": " + e.getMessage(), millis(start));
        }
    }

    private Socket connect(List<InetAddress> addresses, int port) throws IOException {
        IOException last = null;
        for (InetAddress a : addresses) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(a, port), (int) settings.getConnectTimeout().toMillis());
                return s;
            } catch (IOException e) {
                s.close();
                last = e;
            }
        }
        throw last != null ? last : new IOException("no address");
    }

    private static Socket tls(Socket plain, WebhookUrl url) throws IOException {
        SSLSocket s = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, url.host(), url.port(), true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (!url.host().startsWith("[") && !url.host().matches("[0-9.]+")) {
            p.setServerNames(List.of(new SNIHostName(url.host())));
        }
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    private static void write(OutputStream out, WebhookUrl url, byte[] body, Map<String, String> headers)
            throws IOException {
        StringBuilder head = new StringBuilder("POST ").append(url.target()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.hostHeader()).append("\r\n")
                .append("User-Agent: Kakehashi-Webhook/1\r\n")
                .append("Content-Type: application/json; charset=utf-8\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Reads the status line (skipping 1xx) and at most MAX_ANSWER bytes in all, within the deadline. */
    private static int status(InputStream in, long deadline, Socket s) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (seen.size() < MAX_ANSWER) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("deadline");
            }
            s.setSoTimeout((int) Math.max(1, left));
            int n = in.read(buf, 0, Math.min(buf.length, MAX_ANSWER - seen.size()));
            if (n < 0) {
                break;
            }
            seen.write(buf, 0, n);
            int code = finalStatus(seen.toString(StandardCharsets.ISO_8859_1));
            if (code > 0) {
                return code; // the rest of the answer is not needed; closing ends it
            }
        }
        return finalStatus(seen.toString(StandardCharsets.ISO_8859_1));
    }

    /** The first status line that is not 1xx, once its line is complete; 0 before. */
    static int finalStatus(String head) {
        int at = 0;
        while (true) {
            int eol = head.indexOf("\r\n", at);
            if (eol < 0 || !head.startsWith("HTTP/1.", at)) {
                return 0;
            }
            String[] parts = head.substring(at, eol).split(" ", 3);
            if (parts.length < 2 || !parts[1].matches("[1-5][0-9][0-9]")) {
                return 0;
            }
            int code = Integer.parseInt(parts[1]);
            if (code >= 200) {
                return code;
            }
            int blank = head.indexOf("\r\n\r\n", at);
            if (blank < 0) {
                return 0;
            }
            at = blank + 4; // an interim answer (100 Continue) and its headers: the real one follows
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
