package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/**
 * Who holds the pair and until when: a claim is a lease that saving renews up to a bound and the
 * scheduler ends when it runs out. {@link #NONE} on an unclaimed pair.
 */
@Embeddable
public record Lease(@MappedProperty("assignee_id") @Nullable Long assigneeId,
                    @MappedProperty("lease_started_at") @Nullable Instant startedAt,
                    @MappedProperty("lease_expires_at") @Nullable Instant expiresAt) {
    public static final Lease NONE = new Lease(null, null, null);

    public boolean activeAt(Instant now) {
        return assigneeId != null && expiresAt != null && expiresAt.isAfter(now);
    }
}
