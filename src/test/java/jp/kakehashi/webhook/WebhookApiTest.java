package jp.kakehashi.webhook;

import static jp.kakehashi.support.Problem.assertInvalidParameter;
import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import jp.kakehashi.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a real HTTP receiver in this JVM: deliveries signed and verified, retried,
 * re-sent by an admin, and every attempt to point one inside the network refused without a
 * connection reaching the trap listening on every local address.
 */
@MicronautTest(transactional = false)
class WebhookApiTest extends ServiceTest {
    static final String RECEIVER_ADDRESS = "127.0.0.2";
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    WebhookReceiver receiver;
    Trap trap;
    Http admin;
    Person editor;
    Staffing staffing;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kakehashi.webhooks.allowed-hosts", RECEIVER_ADDRESS, "kakehashi.webhooks.poll-interval", "100ms",
                "kakehashi.webhooks.retry-base", "200ms", "kakehashi.webhooks.timeout", "2s",
                "kakehashi.base-url", "https://kakehashi.example");
    }

    @BeforeAll
    void setUp() throws IOException {
        receiver = new WebhookReceiver(RECEIVER_ADDRESS);
        trap = new Trap();
        staffing = new Staffing(new Http(server, json));
        admin = staffing.admin();
        editor = staffing.editor("LON");
    }

    @AfterAll
    void tearDown() throws IOException {
        receiver.close();
        trap.close();
    }

    private Map<String, Object> register(String path, List<String> events) {
        Http.Response r = admin.postJson("/api/v1/webhooks", Map.of("url", receiver.base() + path, "events", events));
        assertEquals(201, r.status(), r.body());
        return r.map();
    }

    private long approved(Person translator) {
        long pair = Fixtures.bulletin(editor.http(), "LON", 1, false).pairIds().getFirst();
        Fixtures.submitted(translator.http(), pair, "London", "A visit.");
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/approve", Map.of()).status());
        return pair;
    }

    @Test
    void anApprovalAndAReleaseReachTheReceiverSignedWithTheHooksSecret() throws Exception {
        Map<String, Object> hook = register("/ok-signed?source=kakehashi", List.of("pair.approved", "bulletin.released"));
        String secret = (String) hook.get("secret");
        assertTrue(secret.matches("[0-9a-f]{64}"), secret);
        assertNull(admin.get("/api/v1/webhooks").list().stream()
                .filter(h -> h.get("id").equals(hook.get("id"))).findFirst().orElseThrow().get("secret"), "shown once");

        long pair = approved(staffing.translator("LON"));
        await(() -> receiver.to("/ok-signed", r -> r.body().contains("\"id\":" + pair + ",")).size() == 1);
        WebhookReceiver.Request got = receiver.to("/ok-signed", r -> r.body().contains("\"id\":" + pair + ",")).getFirst();
        assertEquals("/ok-signed?source=kakehashi", got.path());
        assertEquals("pair.approved", got.header("X-Kakehashi-Event"));
        Map<?, ?> body = json.readValue(got.body(), Map.class);
        assertEquals("pair.approved", body.get("event"));
        assertEquals(got.header("X-Kakehashi-Delivery"), body.get("id"));
        assertEquals("https://kakehashi.example/work/pairs/" + pair, ((Map<?, ?>) body.get("pair")).get("page"));
        assertEquals("APPROVED", ((Map<?, ?>) body.get("pair")).get("status"));
        String[] signature = got.header("X-Kakehashi-Signature").split(",");
        long t = Long.parseLong(signature[0].substring(2));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 60, "a fresh timestamp");
        assertEquals("v1=" + Signature.hmac(secret, t, got.body().getBytes(StandardCharsets.UTF_8)), signature[1]);
        assertTrue(!("v1=" + Signature.hmac(secret, t + 1, got.body().getBytes(StandardCharsets.UTF_8))).equals(signature[1]),
                "the timestamp is part of what is signed");

        long bulletin = Fixtures.bulletin(editor.http(), "LON", 1, false).bulletinId();
        assertEquals(200, editor.http().postJson("/api/v1/bulletins/" + bulletin + "/release-source", Map.of()).status());
        await(() -> !receiver.to("/ok-signed", r -> r.body().contains("\"bulletin\":{\"id\":" + bulletin + ",")).isEmpty());
        assertTrue(receiver.to("/ok-signed", r -> "pair.submitted".equals(r.header("X-Kakehashi-Event"))).isEmpty(),
                "only the events it asked for");
        String log = "/api/v1/webhooks/" + hook.get("id") + "/deliveries";
        await(() -> "DELIVERED".equals(admin.get(log).list().getFirst().get("state")));
        Map<?, ?> last = admin.get(log).list().getFirst();
        assertEquals(204, ((Number) last.get("lastStatus")).intValue());
        assertEquals(1, ((Number) last.get("attempts")).intValue());
    }

    @Test
    void aReceiverThatFailsIsTriedAgainAndAnAdminCanSendADeliveryAgain() throws Exception {
        Map<String, Object> hook = register("/flaky", List.of("pair.approved"));
        long pair = approved(staffing.translator("LON"));
        BooleanSupplier threeTries = () -> receiver.to("/flaky", r -> r.body().contains("\"id\":" + pair + ",")).size() == 3;
        await(threeTries);
        List<WebhookReceiver.Request> tries = receiver.to("/flaky", r -> r.body().contains("\"id\":" + pair + ","));
        assertEquals(1, tries.stream().map(r -> r.header("X-Kakehashi-Delivery")).distinct().count(), "one delivery");
        String log = "/api/v1/webhooks/" + hook.get("id") + "/deliveries";
        await(() -> "DELIVERED".equals(admin.get(log).list().getFirst().get("state")));
        Map<?, ?> logged = admin.get(log).list().getFirst();
        assertEquals(3, ((Number) logged.get("attempts")).intValue());

        long id = ((Number) logged.get("id")).longValue();
        assertEquals(202, admin.postJson("/api/v1/webhooks/deliveries/" + id + "/redeliver", Map.of()).status());
        await(() -> receiver.to("/flaky", r -> r.body().contains("\"id\":" + pair + ",")).size() == 4);
        assertEquals(tries.getFirst().header("X-Kakehashi-Delivery"),
                receiver.requests.getLast().header("X-Kakehashi-Delivery"), "the same delivery, sent again");
        assertProblem(admin.postJson("/api/v1/webhooks/deliveries/999999/redeliver", Map.of()), 404, "NOT_FOUND");
        assertProblem(editor.http().get("/api/v1/webhooks"), 403, "FORBIDDEN");
        assertProblem(new Http(server, json).get("/api/v1/webhooks"), 401, "UNAUTHORIZED");
    }

    @Test
    void addressesInsideTheNetworkAreRefusedWithoutAConnection() {
        int p = trap.port();
        for (String url : List.of("http://127.0.0.1:" + p + "/", "http://[::1]:" + p + "/",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://localhost:" + p + "/",
                "http://0.0.0.0:" + p + "/", "http://[::ffff:127.0.0.1]:" + p + "/", "http://[::127.0.0.1]:" + p + "/",
                "http://[fd00::1]/", "http://192.168.1.1/", "http://100.64.0.1/", "http://2130706433:" + p + "/")) {
            Http.Response r = admin.postJson("/api/v1/webhooks", Map.of("url", url, "events", List.of("pair.approved")));
            assertProblem(r, 422, "ADDRESS_REFUSED");
        }
        for (String url : List.of("file:///etc/passwd", "gopher://127.0.0.2:70/", "http://user:pw@127.0.0.2/",
                "ftp://example.org/", "http://", "not a url", "x".repeat(2001))) {
            assertInvalidParameter(admin.postJson("/api/v1/webhooks", Map.of("url", url, "events", List.of("pair.approved"))), "url");
        }
        assertInvalidParameter(admin.postJson("/api/v1/webhooks", Map.of("url", receiver.base(), "events", List.of())), "events");
        assertInvalidParameter(admin.postJson("/api/v1/webhooks", Map.of("url", receiver.base(),
                "events", List.of("pair.exploded"))), "events");
        assertEquals(0, trap.connections.get(), "nothing connected to a refused address");
    }

    @Test
    void aRedirectIsNotFollowedAndAnAnswersSizeAndTimeAreBounded() throws Exception {
        receiver.redirectTo = "http://127.0.0.1:" + trap.port() + "/stolen";
        Map<String, Object> redirect = register("/redirect", List.of("pair.approved"));
        Map<String, Object> huge = register("/huge", List.of("pair.approved"));
        Map<String, Object> silent = register("/silent", List.of("pair.approved"));
        approved(staffing.translator("LON"));
        await(() -> lastStatus(redirect) != null && lastStatus(huge) != null && lastError(silent) != null);
        assertEquals(302, lastStatus(redirect), "a redirect is an answer, not a new address");
        assertEquals(200, lastStatus(huge));
        assertEquals("timed out", lastError(silent));
        Map<?, ?> bounded = admin.get("/api/v1/webhooks/" + silent.get("id") + "/deliveries").list().getFirst();
        assertTrue(((Number) bounded.get("lastMillis")).intValue() < 3_000, "the attempt's deadline: " + bounded);
        assertEquals(0, trap.connections.get(), "the redirect's target was never reached");
        for (Map<String, Object> hook : List.of(redirect, huge, silent)) {
            assertEquals(204, admin.send(java.net.http.HttpRequest.newBuilder(admin.base().resolve("/api/v1/webhooks/"
                    + hook.get("id"))).DELETE()).status());
        }
        assertProblem(admin.get("/api/v1/webhooks/" + redirect.get("id") + "/deliveries"), 404, "NOT_FOUND");
    }

    @Test
    void aReceiverThatDoesNotAnswerHasOneAttemptInFlightWhileOtherReceiversAreServed() throws Exception {
        Person translator = staffing.translator("LON");
        List<Long> pairs = Fixtures.bulletin(editor.http(), "LON", 6, false).pairIds();
        for (long pair : pairs) {
            Fixtures.submitted(translator.http(), pair, "London", "A visit.");
        }
        receiver.holdAfter(0);
        Map<String, Object> held = register("/hold-lane", List.of("pair.rejected"));
        Map<String, Object> other;
        try {
            for (long pair : pairs) {
                assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/reject",
                        Map.of("reason", "again")).status());
            }
            other = register("/ok-lane", List.of("pair.approved"));
            long pair = approved(translator);
            await(() -> !receiver.to("/ok-lane", r -> r.body().contains("\"id\":" + pair + ",")).isEmpty());
            // six deliveries were due at once and four senders were free: sent one at a time, each
            // attempt the receiver holds ends only at the timeout (2 s) before the next starts
            List<WebhookReceiver.Request> sent = receiver.to("/hold-lane", r -> true);
            for (int i = 1; i < sent.size(); i++) {
                long gap = Duration.ofNanos(sent.get(i).receivedAt() - sent.get(i - 1).receivedAt()).toMillis();
                assertTrue(gap >= 1_500, "attempt " + (i + 1) + " began " + gap + " ms after the one before");
            }
        } finally {
            receiver.release();
        }
        String log = "/api/v1/webhooks/" + held.get("id") + "/deliveries";
        await(() -> admin.get(log).list().size() == pairs.size()
                && admin.get(log).list().stream().allMatch(d -> "DELIVERED".equals(d.get("state"))));
        assertEquals(0, new Db(dataSource).count("SELECT COUNT(*) FROM webhook WHERE id = ? AND busy_until IS NOT NULL",
                ((Number) held.get("id")).longValue()), "each answer freed the receiver's lane");
        for (Map<String, Object> hook : List.of(held, other)) {
            assertEquals(204, admin.send(java.net.http.HttpRequest.newBuilder(admin.base().resolve("/api/v1/webhooks/"
                    + hook.get("id"))).DELETE()).status());
        }
    }

    private Integer lastStatus(Map<String, Object> hook) {
        List<Map<String, Object>> log = admin.get("/api/v1/webhooks/" + hook.get("id") + "/deliveries").list();
        Object s = log.isEmpty() ? null : log.getFirst().get("lastStatus");
        return s == null ? null : ((Number) s).intValue();
    }

    private String lastError(Map<String, Object> hook) {
        List<Map<String, Object>> log = admin.get("/api/v1/webhooks/" + hook.get("id") + "/deliveries").list();
        return log.isEmpty() ? null : (String) log.getFirst().get("lastError");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 30 s");
            Thread.sleep(50);
        }
    }
}
