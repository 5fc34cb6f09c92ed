package jp.kakehashi.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A receiver's URL and the events it wants ({@code bulletin.released}, {@code pair.approved}, …). */
@Serdeable
public record RegisterWebhookCommand(@Nullable String url, @Nullable List<String> events) {
}
