package jp.kakehashi.notification;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.database.Leadership;
import jp.kakehashi.database.Rows;
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

    private record Claim(long pair, long bulletin, long holder, Instant started, Instant ends) {
    }

    private record Waiting(long pair, long bulletin, String office, int revision, long submitter) {
    }

    private int claims(Instant now) {
        List<Claim> ending = new ArrayList<>();
        Rows.each(jdbc, "SELECT id, bulletin_id, assignee_id, lease_started_at, lease_expires_at FROM doc_pair"
                + " WHERE status = 'CLAIMED' AND lease_expires_at > ? AND lease_expires_at <= ?",
                List.of(Timestamp.from(now), Timestamp.from(now.plus(CLAIM_NOTICE))), rs -> ending.add(new Claim(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)))));
        int n = 0;
        for (Claim c : ending) {
            if (c.started() != null
                    && Duration.between(now, c.ends()).compareTo(Duration.between(c.started(), c.ends()).dividedBy(2)) > 0) {
                continue;
            }
            n += once(c.holder(), Notification.Kind.CLAIM_ENDING, c.pair(), c.bulletin(),
                    "claim:" + c.pair() + ":" + c.ends().getEpochSecond());
        }
        return n;
    }

    private int reviews(Instant now) {
        List<Waiting> waiting = new ArrayList<>();
        Rows.each(jdbc, "SELECT id, bulletin_id, office_code, target_revision, last_submitter_id FROM doc_pair"
                + " WHERE status = 'SUBMITTED' AND updated_at <= ?", List.of(Timestamp.from(now.minus(reviewWait))),
                rs -> waiting.add(new Waiting(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5))));
        int n = 0;
        for (Waiting w : waiting) {
            for (long editor : recipients.editorsOf(w.office())) {
                if (editor != w.submitter()) {
                    n += once(editor, Notification.Kind.REVIEW_WAITING, w.pair(), w.bulletin(),
                            "review:" + w.pair() + ":" + w.revision());
                }
            }
        }
        return n;
    }

    private int once(long userId, Notification.Kind kind, long pair, long bulletin, String key) {
        if (rows.existsByUserIdAndDedupKey(userId, key)) {
            return 0;
        }
        return notifications.notify(userId, kind, pair, bulletin, Actor.SYSTEM.name(), null, key) ? 1 : 0;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
