package jp.kakehashi.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One delivery in the log: what was sent, how often, and the receiver's last answer. */
@Serdeable
public record DeliveryView(long id, String deliveryId, String event, Delivery.State state, int attempts,
                           @Nullable Integer lastStatus, @Nullable String lastError, @Nullable Integer lastMillis,
                           Instant createdAt, @Nullable Instant deliveredAt, Instant nextAttemptAt, String payload) {
    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.deliveryId(), d.event(), d.state(), d.attempts(), d.lastStatus(), d.lastError(),
                d.lastMillis(), d.createdAt(), d.deliveredAt(), d.nextAttemptAt(), d.payload());
    }
}
