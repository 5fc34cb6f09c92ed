package jp.kakehashi.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** One message of the mail outbox, rendered when it was queued; {@code messageId} is the same on every attempt. */
@MappedEntity("mail_outbox")
public record OutgoingMail(@Id @GeneratedValue @Nullable Long id, long userId, String recipient, String subject,
                           String body, String messageId, State state, int attempts, Instant nextAttemptAt,
                           @Nullable Instant leaseUntil, @Nullable String lastError, Instant createdAt,
                           @Nullable Instant sentAt, @Version @Nullable Long version) {

    public enum State { PENDING, SENDING, SENT, FAILED }
}
