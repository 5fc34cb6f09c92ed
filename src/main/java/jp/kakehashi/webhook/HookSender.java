package jp.kakehashi.webhook;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kakehashi.database.ConflictRetries;
import jp.kakehashi.system.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the webhook outbox as the mail outbox is sent: a delivery is taken (SENDING with a lease
 * longer than one attempt can last, together with its receiver's lane, so each receiver has one
 * attempt in flight across all instances), posted, then recorded with the receiver's answer. A 2xx is
 * delivered; anything else, or no answer, is tried again after 1, 5, 15, 60, 120, 240 and 480
 * times {@code retry-base} (30 s), then FAILED. A delivery whose instance died mid-attempt is taken
 * again with the same delivery id, which receivers use to recognise a repeat.
 */
@Singleton
class HookSender {
    private static final Logger LOG = LoggerFactory.getLogger(HookSender.class);
    private final DeliveryRepository deliveries;
    private final WebhookRepository hooks;
    private final HookClient client;
    private final WebhookSettings settings;
    private final TransactionOperations<Connection> tx;
    private final ConflictRetries writes;
    private final AtomicInteger running = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon()
            .name("webhook-", 0).factory());

    HookSender(DeliveryRepository deliveries, WebhookRepository hooks, HookClient client, WebhookSettings settings,
               TransactionOperations<Connection> tx, ConflictRetries writes) {
        this.deliveries = deliveries;
        this.hooks = hooks;
        this.client = client;
        this.settings = settings;
        this.tx = tx;
        this.writes = writes;
    }

    /**
     * Starts workers up to {@code kakehashi.webhooks.concurrency}, each taking deliveries until none
     * is due. A receiver has one attempt in flight at a time, so one that hangs (up to the timeout per
     * attempt) holds one worker, and the other receivers' deliveries go on through the rest.
     */
    @Scheduled(fixedDelay = "${kakehashi.webhooks.poll-interval:1s}", initialDelay = "${kakehashi.webhooks.poll-interval:1s}")
    void poll() {
        try {
            // one statement on a connection: a read-only transaction around it was four more round trips a second
            if (running.get() >= settings.getConcurrency() || !deliveries.work(Instant.now())) {
                return; // every worker is busy, or nothing is due: an idle poll is one read
            }
            int interrupted = tx.executeWrite(s -> deliveries.recover(Instant.now()));
            if (interrupted > 0) {
                LOG.info("{} webhook deliveries whose attempt was interrupted are due again", interrupted);
            }
        } catch (RuntimeException e) {
            // another instance recovering the same rows, or an outage: the next poll tries again
            LOG.debug("Webhook recovery: {}", e.toString());
            return;
        }
        while (running.get() < settings.getConcurrency()) {
            running.incrementAndGet();
            workers.execute(this::drain);
        }
    }

    private void drain() {
        try {
            for (Optional<Taken> t = take(); t.isPresent(); t = take()) {
                attempt(t.get());
            }
        } catch (RuntimeException e) {
            // the next poll tries again; a database outage must not end the schedule
            LOG.warn("Webhook outbox: {}", e.toString());
        } finally {
            running.decrementAndGet();
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** A delivery taken with its receiver's lane until {@code until}. */
    private record Taken(Delivery delivery, Instant until) {
    }

    /** Two instances on two Galera nodes taking one receiver's lane conflict at commit: one runs again. */
    private Optional<Taken> take() {
        return writes.write("webhook delivery taken", () -> {
            Instant now = Instant.now();
            List<Delivery> due = deliveries.due(now);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            Duration lease = settings.getTimeout().plus(settings.getConnectTimeout()).multipliedBy(2);
            // as stored (DATETIME(6)), so that freeing the lane can recognise it
            Instant until = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
            Delivery d = due.getFirst();
            hooks.takeLane(d.webhookId(), until);
            deliveries.take(d.id(), until);
            return Optional.of(new Taken(d, until));
        });
    }

    private void attempt(Taken taken) {
        Delivery d = taken.delivery();
        Optional<Webhook> hook = tx.executeRead(s -> hooks.findById(d.webhookId()));
        HookClient.Answer answer;
        if (hook.isEmpty() || !hook.get().active()) {
            answer = new HookClient.Answer(0, "webhook removed", 0);
        } else {
            byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
            long t = Instant.now().getEpochSecond();
            answer = client.post(WebhookUrl.parse(hook.get().url()), body, Map.of("X-Kakehashi-Event", d.event(),
                    "X-Kakehashi-Delivery", d.deliveryId(),
                    "X-Kakehashi-Signature", Signature.header(hook.get().secret(), t, body)));
        }
        int attempts = d.attempts() + 1;
        boolean last = !answer.delivered() && (attempts >= settings.getMaxAttempts() || hook.isEmpty()
                || !hook.get().active());
        Delivery.State state = answer.delivered() ? Delivery.State.DELIVERED
                : last ? Delivery.State.FAILED : Delivery.State.PENDING;
        Instant now = Instant.now();
        Instant next = now.plus(Backoff.after(attempts, settings.getRetryBase()));
        String error = answer.error() == null ? null : answer.error().length() > 500 ? answer.error().substring(0, 500) : answer.error();
        writes.write("webhook delivery answered", () -> {
            deliveries.answered(d.id(), state.name(), next, answer.status() == 0 ? null : answer.status(), error,
                    (int) answer.millis(), answer.delivered() ? now : null);
            hooks.freeLane(d.webhookId(), taken.until());
            return null;
        });
        if (!answer.delivered()) {
            LOG.warn("Webhook {} delivery {} ({}) {} after attempt {}: {}", d.webhookId(), d.id(), d.event(),
                    last ? "failed" : "will be retried", attempts, error != null ? error : "status " + answer.status());
        }
    }
}
