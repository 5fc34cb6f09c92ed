package jp.kakehashi.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A webhook; {@code secret} only in the answer to its registration, the one time it is shown. */
@Serdeable
public record WebhookView(long id, String url, List<String> events, @Nullable String secret, String createdBy,
                          Instant createdAt) {
    static WebhookView of(Webhook w, boolean withSecret) {
        return new WebhookView(w.id(), w.url(), w.eventList(), withSecret ? w.secret() : null, w.createdBy(), w.createdAt());
    }
}
