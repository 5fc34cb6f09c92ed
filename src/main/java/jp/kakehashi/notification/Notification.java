package jp.kakehashi.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** One thing a person is told: what happened ({@code kind}), to which pair, by whom. */
@MappedEntity("notification")
public record Notification(@Id @GeneratedValue @Nullable Long id, long userId, Kind kind, @Nullable Long pairId,
                           @Nullable Long bulletinId, String actor, @Nullable String excerpt, Instant createdAt,
                           @Nullable Instant readAt, @Version @Nullable Long version) {

    public enum Kind { MENTIONED, REJECTED, APPROVED, TAKEN_OVER, ASSIGNED }
}
