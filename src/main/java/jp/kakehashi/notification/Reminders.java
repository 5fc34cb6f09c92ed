package jp.kakehashi.notification;

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
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.database.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders nobody's action triggers: a claim that ends within 24 hours (told to its holder once
 * it has also run half its length, so a 12-hour claim is not announced as ending the moment it is
 * taken) and a submission that has waited longer than {@code kakehashi.notifications.review-wait}
 * (told to the editors of its office). Each is written once: its dedup key names the claim's end
 * or the submitted revision, and one instance sweeps, the holder of the lease ({@link Leadership}).
 */
@Singleton
class Reminders {
    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
    static final String LOCK = "kakehashi.reminders";
    static final Duration CLAIM_NOTICE = Duration.ofHours(24);
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final Notifications notifications;
    private final NotificationRepository rows;
    private final Recipients recipients;
    private final Duration reviewWait;
    private final Leadership leadership;
    private final Duration interval;

    Reminders(JdbcOperations jdbc, TransactionOperations<Connection> tx, Notifications notifications,
              NotificationRepository rows, Recipients recipients, Leadership leadership,
              @Value("${kakehashi.notifications.review-wait:24h}") Duration reviewWait,
              @Value("${kakehashi.notifications.sweep-interval:1m}") Duration interval) {
        this.leadership = leadership;
        this.interval = interval;
        this.jdbc = jdbc;
        this.tx = tx;
        this.notifications = notifications;
        this.rows = rows;
        this.recipients = recipients;
        this.reviewWait = reviewWait;
    }

    @Scheduled(fixedDelay = "${kakehashi.notifications.sweep-interval:1m}", initialDelay = "${kakehashi.notifications.sweep-interval:1m}")
    void sweep() {
        if (!leadership.lead(LOCK, interval.multipliedBy(2))) {
            return;
        }
        try {
            int written = run(Instant.now());
            if (written > 0) {
                LOG.info("Wrote {} reminder(s)", written);
            }
        } catch (RuntimeException e) {
            LOG.warn("Reminder sweep failed: {}", e.toString());
        }
    }

    /** One sweep as of {@code now}; the reminders written. */
    int run(Instant now) {
        return tx.executeWrite(status -> claims(now) + reviews(now));
    }

    private int claims(Instant now) {
        int n = 0;
        for (Row r : select("SELECT id, bulletin_id, assignee_id, lease_started_at, lease_expires_at FROM doc_pair"
                + " WHERE status = 'CLAIMED' AND lease_expires_at > ? AND lease_expires_at <= ?", now, now.plus(CLAIM_NOTICE))) {
            Instant started = r.time(3);
            Instant ends = r.time(4);
            if (started != null && Duration.between(now, ends).compareTo(Duration.between(started, ends).dividedBy(2)) > 0) {
                continue;
            }
            n += once(r.id(2), Notification.Kind.CLAIM_ENDING, r, "claim:" + r.id(0) + ":" + ends.getEpochSecond());
        }
        return n;
    }

    private int reviews(Instant now) {
        int n = 0;
        for (Row r : select("SELECT id, bulletin_id, office_code, target_revision, last_submitter_id FROM doc_pair"
                + " WHERE status = 'SUBMITTED' AND updated_at <= ?", now.minus(reviewWait))) {
            for (long editor : recipients.editorsOf(r.text(2))) {
                if (!String.valueOf(editor).equals(r.text(4))) {
                    n += once(editor, Notification.Kind.REVIEW_WAITING, r, "review:" + r.id(0) + ":" + r.text(3));
                }
            }
        }
        return n;
    }

    private int once(long userId, Notification.Kind kind, Row pair, String key) {
        if (rows.existsByUserIdAndDedupKey(userId, key) || !recipients.active(userId)) {
            return 0;
        }
        notifications.notify(userId, kind, pair.id(0), pair.id(1), Actor.SYSTEM.name(), null, key);
        return 1;
    }

    private record Row(List<Object> values) {
        long id(int i) {
            return ((Number) values.get(i)).longValue();
        }

        String text(int i) {
            return values.get(i) == null ? null : values.get(i).toString();
        }

        Instant time(int i) {
            return values.get(i) == null ? null : ((Timestamp) values.get(i)).toInstant();
        }
    }

    private List<Row> select(String sql, Instant... times) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < times.length; i++) {
                ps.setTimestamp(i + 1, Timestamp.from(times[i]));
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> v = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        v.add(rs.getObject(i));
                    }
                    out.add(new Row(v));
                }
            }
            return out;
        });
    }
}
