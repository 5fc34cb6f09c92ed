package jp.kakehashi.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** One event for one webhook: its payload as sent on every attempt, and the receiver's last answer. */
@MappedEntity("webhook_delivery")
public record Delivery(@Id @GeneratedValue @Nullable Long id, long webhookId, String deliveryId, String event,
                       String payload, State state, int attempts, Instant nextAttemptAt, @Nullable Instant leaseUntil,
                       @Nullable Integer lastStatus, @Nullable String lastError, @Nullable Integer lastMillis,
                       Instant createdAt, @Nullable Instant deliveredAt, @Version @Nullable Long version) {

    public enum State { PENDING, SENDING, DELIVERED, FAILED }
}
