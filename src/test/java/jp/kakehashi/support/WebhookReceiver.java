package jp.kakehashi.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * An HTTP receiver for webhooks in the test JVM (the JDK's own server), on an address of its own in
 * 127/8 so that the service's loopback refusal can be tested beside it. Paths choose the answer:
 * {@code /ok…} 204, {@code /flaky} 500 for the first two attempts of a delivery, {@code /redirect}
 * a 302 to {@code redirectTo}, {@code /huge} 200 with ten megabytes, {@code /silent} nothing for ten seconds,
 * {@code /hold} 204 once {@link #holdAfter} lets it.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** {@code receivedAt} is {@link System#nanoTime()} when the request was read. */
    public record Request(String path, Map<String, List<String>> headers, String body, long receivedAt) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> flaky = new ConcurrentHashMap<>();
    private final HttpServer server;
    public volatile String redirectTo = "http://127.0.0.1:9/";
    /** {@code /hold…} answers this many at once; later ones wait for {@link #release}. */
    private volatile int answerAtOnce = Integer.MAX_VALUE;
    private final Object gate = new Object();

    public WebhookReceiver(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String base() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().toString();
        Request r = new Request(path, Map.copyOf(x.getRequestHeaders()), body, System.nanoTime());
        requests.add(r);
        if (path.startsWith("/flaky") && flaky.merge(r.header("X-Kakehashi-Delivery"), 1, Integer::sum) <= 2) {
            x.sendResponseHeaders(500, -1);
        } else if (path.startsWith("/redirect")) {
            x.getResponseHeaders().add("Location", redirectTo);
            x.sendResponseHeaders(302, -1);
        } else if (path.startsWith("/huge")) {
            x.sendResponseHeaders(200, 10L << 20);
            try (OutputStream out = x.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 160; i++) {
                    out.write(chunk);
                }
            } catch (IOException closedByTheClient) {
                // the service reads the status line and hangs up
            }
        } else if (path.startsWith("/hold")) {
            synchronized (gate) {
                while (requests.stream().filter(q -> q.path().startsWith("/hold")).toList().indexOf(r) >= answerAtOnce) {
                    try {
                        gate.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            x.sendResponseHeaders(204, -1);
        } else if (path.startsWith("/silent")) {
            try {
                Thread.sleep(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.sendResponseHeaders(204, -1);
        } else {
            x.sendResponseHeaders(204, -1);
        }
        x.close();
    }

    /** {@code /hold…} requests after the first {@code n} wait until {@link #release}. */
    public void holdAfter(int n) {
        answerAtOnce = n;
    }

    public void release() {
        synchronized (gate) {
            answerAtOnce = Integer.MAX_VALUE;
            gate.notifyAll();
        }
    }

    public List<Request> to(String pathPrefix, Predicate<Request> which) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).filter(which).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
