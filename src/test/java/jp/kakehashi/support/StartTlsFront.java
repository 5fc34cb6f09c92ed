package jp.kakehashi.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP front that offers STARTTLS, for an SMTP server in the test JVM that does not (GreenMail):
 * it greets, answers EHLO with STARTTLS, refuses everything else until the client upgrades, then
 * completes the TLS handshake with a certificate for 127.0.0.1 made by the JDK's keytool and relays
 * the encrypted session's plain text to the server behind it (whose own greeting it swallows).
 */
public final class StartTlsFront implements AutoCloseable {
    public final AtomicInteger upgraded = new AtomicInteger();
    private final ServerSocket listener;
    private final int target;
    private final SSLContext tls;

    public StartTlsFront(int targetPort) throws Exception {
        this.target = targetPort;
        this.tls = context();
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("starttls-front").start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofPlatform().daemon().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            send(out, "220 127.0.0.1 ESMTP front");
            for (String line; (line = line(in)) != null; ) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                if (verb.equals("EHLO")) {
                    send(out, "250-127.0.0.1\r\n250 STARTTLS");
                } else if (line.equalsIgnoreCase("STARTTLS")) {
                    send(out, "220 Ready to start TLS");
                    relay(upgrade(client));
                    return;
                } else if (verb.equals("QUIT")) {
                    send(out, "221 Bye");
                    return;
                } else {
                    send(out, "530 Must issue a STARTTLS command first");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private SSLSocket upgrade(Socket plain) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, "127.0.0.1", plain.getPort(), true);
        s.setUseClientMode(false);
        s.startHandshake();
        upgraded.incrementAndGet();
        return s;
    }

    private void relay(SSLSocket secure) throws IOException {
        try (Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
            line(server.getInputStream()); // the server's own greeting: the client had ours
            Thread back = Thread.ofPlatform().daemon().start(() -> pump(server, secure));
            pump(secure, server);
            try {
                back.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buf = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        }
    }

    /** One line, byte by byte: nothing after it may be read before the TLS handshake takes the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                return b.toString(StandardCharsets.US_ASCII).strip();
            }
            b.write(c);
        }
        return null;
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A key pair and self-signed certificate for 127.0.0.1, made by the running JDK's keytool. */
    private static SSLContext context() throws Exception {
        Path store = Files.createDirectories(Path.of("target")).resolve("smtp-front-" + System.nanoTime() + ".p12");
        Path keytool = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "smtp", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit"))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
