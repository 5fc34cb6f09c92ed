package jp.kakehashi.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/**
 * Where a person's mail goes and whether they confirmed that address (and, until they do, the hash
 * of the link's token and when it was sent), in which language, and when their last daily digest
 * went out.
 */
@MappedEntity("notification_setting")
public record NotificationSetting(@Id long userId, @Nullable String email, @Nullable Instant emailConfirmedAt,
                                  @Nullable String confirmTokenHash, @Nullable Instant confirmSentAt, String lang,
                                  @Nullable Instant lastDigestAt, @Version @Nullable Long version) {

    static NotificationSetting defaults(long userId) {
        return new NotificationSetting(userId, null, null, null, null, "ja", null, null);
    }

    NotificationSetting withDigestAt(Instant at) {
        return new NotificationSetting(userId, email, emailConfirmedAt, confirmTokenHash, confirmSentAt, lang, at,
                version);
    }

    NotificationSetting withAddress(@Nullable String address, String language, @Nullable Instant confirmedAt,
                                    @Nullable String tokenHash, @Nullable Instant sentAt) {
        return new NotificationSetting(userId, address, confirmedAt, tokenHash, sentAt, language, lastDigestAt, version);
    }

    /** Whether mail may go to the address: there is one, and its owner confirmed it. */
    boolean confirmed() {
        return email != null && emailConfirmedAt != null;
    }
}
