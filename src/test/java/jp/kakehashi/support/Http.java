package jp.kakehashi.support;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A plain JDK HTTP client against the running server: tests see exactly what a client sees.
 * {@link #as(String)} gives a client that sends a bearer token.
 */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final JsonMapper json;
    private final String token;

    public Http(EmbeddedServer server, JsonMapper json) {
        this(server.getURI(), json, null);
    }

    /** A client for a service in another process. */
    public Http(URI base, JsonMapper json) {
        this(base, json, null);
    }

    private Http(URI base, JsonMapper json, String token) {
        this.base = base;
        this.json = json;
        this.token = token;
    }

    public Http as(String bearerToken) {
        return new Http(base, json, bearerToken);
    }

    public String token() {
        return token;
    }

    public Http anonymous() {
        return new Http(base, json, null);
    }

    public URI base() {
        return base;
    }

    public JsonMapper json() {
        return json;
    }

    public record Response(int status, String contentType, String body, HttpResponse<byte[]> raw, JsonMapper json) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            try {
                return json.readValue(body, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        /** A JSON array answer, each element a map. */
        public java.util.List<Map<String, Object>> list() {
            try {
                return json.readValue(body, io.micronaut.core.type.Argument.listOf(
                        io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Response post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response postText(String path, String text) {
        return post(path, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public Response postJson(String path, Object body) {
        return post(path, "application/json", bytes(body));
    }

    /** A JSON write with an optional If-Match ({@code null} sends none). */
    public Response write(String method, String path, Object body, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b);
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> r = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    new String(r.body(), StandardCharsets.UTF_8), r, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
