package jp.kakehashi.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jp.kakehashi.bench.ServiceProcess;
import jp.kakehashi.support.Await;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.SharedMariaDb;
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import jp.kakehashi.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * The webhook outbox across a killed service: the service, in a JVM of its own, is killed (SIGKILL)
 * while a receiver in this JVM holds one delivery unanswered; after a restart every delivery
 * arrives, each with its own id, and only the one that was never answered comes a second time,
 * with the same id, which is how a receiver recognises it.
 */
@Slow
class WebhookRestartTest {
    static final Duration BOUND = Duration.ofSeconds(60);
    static final int EVENTS = 8;

    @Test
    void aServiceKilledMidDeliveryLosesNothingAndRepeatsOnlyTheUnansweredOne() throws Exception {
        String url = SharedMariaDb.freshDatabase("t_webhook_restart");
        Db db = Db.at(url);
        Path dir = Files.createDirectories(Path.of("target", "test-data", "webhook-restart-" + System.nanoTime()));
        Path log = dir.resolve("service.log");
        List<String> options = List.of("-Dkakehashi.token-secret=a-token-secret-for-the-webhook-restart-test-01",
                "-Dkakehashi.webhooks.allowed-hosts=127.0.0.2", "-Dkakehashi.webhooks.poll-interval=100ms",
                "-Dkakehashi.webhooks.concurrency=1", "-Dkakehashi.webhooks.timeout=3s",
                "-Dkakehashi.webhooks.connect-timeout=1s");
        try (WebhookReceiver receiver = new WebhookReceiver("127.0.0.2")) {
            receiver.holdAfter(3);
            ServiceProcess first = ServiceProcess.start(dir.resolve("first"), url, "384m", log, null, options);
            try {
                Staffing staffing = new Staffing(first.http());
                Http.Response hook = staffing.admin().postJson("/api/v1/webhooks",
                        Map.of("url", receiver.base() + "/hold", "events", List.of("pair.rejected")));
                assertEquals(201, hook.status(), hook.body());
                reject(staffing);
                Await.until("three answered, the fourth held", BOUND, () -> receiver.to("/hold", r -> true).size() == 4
                        && rows(db, "state = 'DELIVERED'") == 3 && rows(db, "state = 'SENDING'") == 1);
                ProcessHandle killed = ProcessHandle.of(first.pid()).orElseThrow();
                killed.destroyForcibly();
                killed.onExit().get(30, TimeUnit.SECONDS);
            } finally {
                first.close();
            }
            receiver.release();
            try (ServiceProcess again = ServiceProcess.start(dir.resolve("again"), url, "384m", log, null, options)) {
                Await.until("every delivery delivered after the restart", BOUND,
                        () -> rows(db, "state = 'DELIVERED'") == EVENTS);
            }
            List<String> ids = receiver.to("/hold", r -> true).stream()
                    .map(r -> r.header("X-Kakehashi-Delivery")).toList();
            Map<String, Long> times = ids.stream().collect(Collectors.groupingBy(i -> i, Collectors.counting()));
            assertEquals(new TreeSet<>(db.strings("SELECT delivery_id FROM webhook_delivery")),
                    new TreeSet<>(times.keySet()), "none lost");
            assertEquals(EVENTS + 1, ids.size(), "one repeat: " + times);
            assertEquals(1, times.values().stream().filter(n -> n == 2).count(), "the held one, with its own id");
            assertEquals(ids.get(3), times.entrySet().stream().filter(e -> e.getValue() == 2).findFirst()
                    .orElseThrow().getKey());
        }
    }

    private static void reject(Staffing staffing) {
        Person editor = staffing.editor("PAR");
        Person translator = staffing.translator("PAR");
        for (long pair : Fixtures.bulletin(editor.http(), "PAR", EVENTS, false).pairIds()) {
            Fixtures.submitted(translator.http(), pair, "Paris", "A visit.");
            assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/reject",
                    Map.of("reason", "again")).status());
        }
    }

    private static long rows(Db db, String where) {
        return db.count("SELECT COUNT(*) FROM webhook_delivery WHERE " + where);
    }
}
