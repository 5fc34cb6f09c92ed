package jp.kakehashi.notification;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import jp.kakehashi.bulletin.BulletinReleased;
import jp.kakehashi.comment.Commented;
import jp.kakehashi.mail.MailQueue;
import jp.kakehashi.pair.Action;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.pair.PairActed;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.system.FieldLimits;

/**
 * Tells people in the pages what concerns them: the translator whose submission was sent back or
 * approved, the holder of a claim taken over, the person a pair is assigned to, anyone named with
 * {@code @} in a comment, the people of an office whose bulletin went out; never the person who did
 * it. The rows (and their mail, for those who chose it) are written by listeners inside the change's
 * own transaction, so a notification exists exactly when its change does.
 */
@Singleton
public class Notifications {
    static final int MAX_LIST = 100;
    /** Code points of a reason or comment kept in a notification (the column holds 400). */
    static final int EXCERPT = 300;
    private final NotificationRepository rows;
    private final StaffLookup staff;
    private final Preferences preferences;
    private final MailTemplates templates;
    private final MailQueue mail;
    private final Recipients recipients;

    Notifications(NotificationRepository rows, StaffLookup staff, Preferences preferences, MailTemplates templates,
                  MailQueue mail, Recipients recipients) {
        this.rows = rows;
        this.staff = staff;
        this.preferences = preferences;
        this.templates = templates;
        this.mail = mail;
        this.recipients = recipients;
    }

    @EventListener
    void acted(PairActed e) {
        Pair before = e.before();
        String action = e.action();
        if (action.equals(Action.REJECT.auditName())) {
            tell(before.texts().lastSubmitterId(), Notification.Kind.REJECTED, e);
        } else if (action.equals(Action.APPROVE.auditName(false))) {
            tell(before.texts().lastSubmitterId(), Notification.Kind.APPROVED, e);
        } else if (action.equals(Action.TAKEOVER.auditName())) {
            tell(before.lease().assigneeId(), Notification.Kind.TAKEN_OVER, e);
        } else if (action.equals(Action.ASSIGN.auditName())) {
            tell(e.after().lease().assigneeId(), Notification.Kind.ASSIGNED, e);
        }
        // the other actions concern nobody but the person acting (a self-approval included)
    }

    @EventListener
    void commented(Commented c) {
        for (String name : c.mentions()) {
            staff.active(name).filter(s -> s.id() != c.author().id()).ifPresent(s -> notify(s.id(),
                    Notification.Kind.MENTIONED, c.pairId(), c.bulletinId(), c.author().name(), c.excerpt(), null));
        }
    }

    @EventListener
    void released(BulletinReleased r) {
        for (long userId : recipients.ofBulletin(r.bulletinId())) {
            if (r.actor().id() == null || userId != r.actor().id()) {
                notify(userId, Notification.Kind.RELEASED, null, r.bulletinId(), r.actor().name(), null, null);
            }
        }
    }

    private void tell(Long userId, Notification.Kind kind, PairActed e) {
        if (userId == null || userId.equals(e.actor().id())) {
            return;
        }
        notify(userId, kind, e.before().id(), e.before().bulletinId(), e.actor().name(), e.reason(), null);
    }

    /**
     * Tells one person as they chose: nothing, the inbox, the inbox and a queued mail, or the inbox
     * and their next digest; whether they were told. Runs in the caller's transaction, so the row
     * and its mail exist exactly when the change does.
     */
    boolean notify(long userId, Notification.Kind kind, Long pairId, Long bulletinId, String actor, String excerpt,
                   String dedupKey) {
        NotificationSetting setting = preferences.setting(userId);
        Channel channel = preferences.channel(userId, kind, setting);
        if (channel == Channel.NONE || !recipients.active(userId)) {
            return false; // a deactivated account (the submitter of a pair sent back later) hears nothing
        }
        Notification n = rows.save(new Notification(null, userId, kind, pairId, bulletinId, actor, excerpt(excerpt),
                Instant.now(), null, dedupKey, channel == Channel.DIGEST, null));
        if (channel == Channel.EMAIL) {
            MailTemplates.Mail m = templates.one(n, setting);
            mail.enqueue(userId, setting.email(), m.subject(), m.body());
        }
        return true;
    }

    /** A reason may run to 2,000 characters; the notification shows its start, the pair all of it. */
    static String excerpt(String text) {
        return FieldLimits.clip(text, EXCERPT);
    }

    @Transactional(readOnly = true)
    public NotificationView.Inbox inbox(Staff who, boolean unreadOnly, int limit) {
        var items = unreadOnly ? rows.newestUnread(who.id(), limit) : rows.newest(who.id(), limit);
        return new NotificationView.Inbox(rows.countByUserIdAndReadAtIsNull(who.id()),
                items.stream().map(NotificationView::of).toList());
    }

    public long unread(Staff who) {
        return rows.countByUserIdAndReadAtIsNull(who.id());
    }

    /** Everything of {@code who} up to {@code upTo} (an id they saw) is read; later ones stay unread. */
    @Transactional
    public void markRead(Staff who, long upTo) {
        rows.markRead(who.id(), upTo, Instant.now());
    }
}
