package jp.kakehashi.notification;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import jp.kakehashi.database.Leadership;
import jp.kakehashi.mail.MailQueue;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.security.Memberships;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily digest: at 09:00 in a person's zone (their first office's, as the inbox shows times),
 * everything waiting for their digest goes out in one mail. The digest, its rows marked and
 * the time it went out are one transaction, so a restart neither loses one nor sends a second; one
 * instance composes them, the holder of the lease ({@link Leadership}).
 */
@Singleton
class Digests {
    private static final Logger LOG = LoggerFactory.getLogger(Digests.class);
    static final String LOCK = "kakehashi.digests";
    static final LocalTime AT = LocalTime.of(9, 0);
    private final NotificationRepository rows;
    private final Preferences preferences;
    private final Memberships memberships;
    private final OfficeDirectory offices;
    private final MailTemplates templates;
    private final MailQueue mail;
    private final NotificationSettingRepository settings;
    private final Leadership leadership;
    private final TransactionOperations<Connection> tx;
    private final Duration interval;

    Digests(NotificationRepository rows, Preferences preferences, Memberships memberships, OfficeDirectory offices,
            MailTemplates templates, MailQueue mail, NotificationSettingRepository settings, Leadership leadership,
            TransactionOperations<Connection> tx, @Value("${kakehashi.notifications.sweep-interval:1m}") Duration interval) {
        this.interval = interval;
        this.rows = rows;
        this.preferences = preferences;
        this.memberships = memberships;
        this.offices = offices;
        this.templates = templates;
        this.mail = mail;
        this.settings = settings;
        this.leadership = leadership;
        this.tx = tx;
    }

    /** Whether a digest is due at {@code now}: it is past 09:00 locally and none went out since. */
    static boolean due(Instant now, ZoneId zone, Instant last) {
        Instant today = now.atZone(zone).toLocalDate().atTime(AT).atZone(zone).toInstant();
        return !now.isBefore(today) && (last == null || last.isBefore(today));
    }

    @Scheduled(fixedDelay = "${kakehashi.notifications.sweep-interval:1m}", initialDelay = "${kakehashi.notifications.sweep-interval:1m}")
    void sweep() {
        if (!leadership.lead(LOCK, interval.multipliedBy(2))) {
            return;
        }
        try {
            int sent = run(Instant.now());
            if (sent > 0) {
                LOG.info("Queued {} digest(s)", sent);
            }
        } catch (RuntimeException e) {
            LOG.warn("Digest sweep failed: {}", e.toString());
        }
    }

    /** Composes the digests due at {@code now}; how many were queued. */
    int run(Instant now) {
        return tx.executeWrite(status -> {
            int queued = 0;
            for (long userId : rows.digestOwners()) {
                queued += digest(userId, now) ? 1 : 0;
            }
            return queued;
        });
    }

    private boolean digest(long userId, Instant now) {
        NotificationSetting s = preferences.setting(userId);
        if (!preferences.mailable(s)) {
            rows.digested(userId, Long.MAX_VALUE); // nowhere to send them: the inbox has them
            return false;
        }
        if (!due(now, offices.homeZone(memberships.of(userId)), s.lastDigestAt())) {
            return false;
        }
        List<Notification> items = rows.digest(userId, MailTemplates.DIGEST_ITEMS + 1);
        long more = 0;
        if (items.size() > MailTemplates.DIGEST_ITEMS) {
            more = rows.countPendingDigest(userId) - MailTemplates.DIGEST_ITEMS;
            items = items.subList(0, MailTemplates.DIGEST_ITEMS);
        }
        MailTemplates.Mail m = templates.digest(items, more, s);
        mail.enqueue(userId, s.email(), m.subject(), m.body());
        // those beyond the list are pointed to in the inbox; any written meanwhile wait for tomorrow
        rows.digested(userId, more > 0 ? Long.MAX_VALUE : items.getLast().id());
        settings.update(s.withDigestAt(now));
        return true;
    }
}
