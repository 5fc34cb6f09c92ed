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
                           @Nullable Instant readAt, @Nullable String dedupKey, boolean digestPending,
                           @Version @Nullable Long version) {

    /**
     * What happened. The first five are told when someone acts; CLAIM_ENDING and REVIEW_WAITING are
     * reminders the sweep writes once each; RELEASED tells an office's people that a bulletin of
     * theirs went out.
     */
    public enum Kind { MENTIONED, REJECTED, APPROVED, TAKEN_OVER, ASSIGNED, CLAIM_ENDING, REVIEW_WAITING, RELEASED }

    /** Where its person goes to see it, as a path of the pages. */
    @Nullable
    public String link() {
        return pairId != null ? "/work/pairs/" + pairId : bulletinId != null ? "/work/bulletins/" + bulletinId : null;
    }
}
