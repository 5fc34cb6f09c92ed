package jp.kakehashi.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A receiver an admin registered: its URL, the events it wants (comma-separated) and its signing key. */
@MappedEntity("webhook")
public record Webhook(@Id @GeneratedValue @Nullable Long id, String url, String events, String secret, boolean active,
                      String createdBy, Instant createdAt, @Version @Nullable Long version) {

    List<String> eventList() {
        return Arrays.stream(events.split(",")).filter(e -> !e.isBlank()).toList();
    }

    Webhook removed() {
        return new Webhook(id, url, events, secret, false, createdBy, createdAt, version);
    }
}
