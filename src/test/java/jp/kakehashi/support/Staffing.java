package jp.kakehashi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates accounts through the real API (as the bootstrap admin) and signs them in. Usernames get a
 * per-run suffix because test classes share one database.
 */
public final class Staffing {
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String PASSWORD = "correct horse battery staple";
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final Http http;
    private final String adminToken;

    public Staffing(Http http) {
        this.http = http.anonymous();
        this.adminToken = login("admin", ADMIN_PASSWORD);
    }

    public Http admin() {
        return http.as(adminToken);
    }

    public String login(String username, String password) {
        Http.Response r = http.postJson("/api/v1/auth/login", Map.of("username", username, "password", password));
        assertEquals(200, r.status(), r.body());
        return (String) r.map().get("access_token");
    }

    public record Person(long id, String username, String token, Http http) {
    }

    /** A new user with the given roles and offices, signed in. */
    public Person person(String prefix, List<String> roles, List<String> offices) {
        String username = prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
        Http.Response r = admin().postJson("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "displayName", prefix, "roles", roles, "offices", offices));
        assertEquals(201, r.status(), r.body());
        long id = ((Number) r.map().get("id")).longValue();
        String token = login(username, PASSWORD);
        return new Person(id, username, token, http.as(token));
    }

    public Person translator(String office) {
        return person("tr", List.of("TRANSLATOR"), List.of(office));
    }

    public Person editor(String office) {
        return person("ed", List.of("EDITOR"), List.of(office));
    }
}
