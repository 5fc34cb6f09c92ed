package jp.kakehashi.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A notification as its person reads it, with where to go: the pair's page. */
@Serdeable
public record NotificationView(long id, Notification.Kind kind, @Nullable Long pairId, @Nullable Long bulletinId,
                               String actor, @Nullable String excerpt, Instant createdAt, boolean read,
                               @Nullable String link) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.kind(), n.pairId(), n.bulletinId(), n.actor(), n.excerpt(),
                n.createdAt(), n.readAt() != null, n.link());
    }

    /** A person's inbox: how many are unread, and the newest. */
    @Serdeable
    public record Inbox(long unread, List<NotificationView> items) {
    }
}
