package jp.kakehashi.outbox;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import jp.kakehashi.database.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes outbox rows older than the retention period (docs/design/consistency.md: the outbox is read, never
 * consumed; rows are pruned after a retention period and an instance that falls behind rebuilds).
 * Only the oldest unbroken run of old rows in commit order goes (never a row not yet numbered), a
 * batch at a time, each batch in one transaction with the horizon (a seq) it moves
 * ({@code outbox_horizon}), so followers see either both or neither.
 * With several instances, the one holding the pruning lease prunes ({@link Leadership}).
 */
@Singleton
class OutboxPruner {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPruner.class);
    static final String LOCK = "kakehashi.outbox-prune";
    static final int BATCH = 5_000;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final Duration retention;
    private final Leadership leadership;
    private final Duration interval;

    OutboxPruner(JdbcOperations jdbc, TransactionOperations<Connection> tx, Leadership leadership,
                 @Value("${kakehashi.outbox.retention:7d}") Duration retention,
                 @Value("${kakehashi.outbox.prune-interval:1h}") Duration interval) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.leadership = leadership;
        this.retention = retention;
        this.interval = interval;
    }

    @Scheduled(fixedDelay = "${kakehashi.outbox.prune-interval:1h}",
            initialDelay = "${kakehashi.outbox.prune-interval:1h}")
    void prune() {
        if (!leadership.lead(LOCK, interval.multipliedBy(2))) {
            return;
        }
        try {
            long pruned = 0;
            long batch;
            do {
                batch = tx.executeWrite(status -> pruneBatch());
                pruned += batch;
            } while (batch == BATCH);
            if (pruned > 0) {
                LOG.info("Pruned {} outbox row(s) older than {}", pruned, retention);
            }
        } catch (RuntimeException e) {
            // The next run retries; an outage must not kill the schedule.
            LOG.warn("Outbox pruning failed: {}", e.toString());
        }
    }

    /** Deletes the oldest run of rows older than the retention, at most a batch; how many went. */
    private long pruneBatch() {
        Timestamp cutoff = Timestamp.from(Instant.now().minus(retention));
        long[] through = {-1, 0};
        jdbc.prepareStatement("SELECT seq, created_at FROM outbox_event WHERE seq IS NOT NULL ORDER BY seq LIMIT "
                + BATCH, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && rs.getTimestamp(2).before(cutoff)) {
                    through[0] = rs.getLong(1);
                    through[1]++;
                }
            }
            return null;
        });
        if (through[1] == 0) {
            return 0;
        }
        update("UPDATE outbox_horizon SET pruned_through = GREATEST(pruned_through, ?) WHERE id = 1", through[0]);
        update("DELETE FROM outbox_event WHERE seq <= ?", through[0]);
        return through[1];
    }

    private void update(String sql, long id) {
        jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }
}
