package jp.kakehashi.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Immutable record of one change: who, when, from which state to which, and why. */
@MappedEntity("audit_event")
public record AuditEvent(@Id @GeneratedValue @Nullable Long id,
                         @Nullable Long bulletinId,
                         @Nullable Long pairId,
                         @Nullable Long actorId,
                         String actorName,
                         String action,
                         @Nullable String fromStatus,
                         @Nullable String toStatus,
                         @Nullable String reason,
                         @DateCreated @Nullable Instant createdAt) {

    /** A change to an account (created, roles, password, deactivated): no bulletin or pair; the username as reason. */
    public static AuditEvent account(Actor by, String action, String username) {
        return new AuditEvent(null, null, null, by.id(), by.name(), action, null, null, username, null);
    }
}
