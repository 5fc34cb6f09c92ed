package jp.kakehashi.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** Where a person's mail goes, in which language, and when their last daily digest went out. */
@MappedEntity("notification_setting")
public record NotificationSetting(@Id long userId, @Nullable String email, String lang, @Nullable Instant lastDigestAt,
                                  @Version @Nullable Long version) {

    static NotificationSetting defaults(long userId) {
        return new NotificationSetting(userId, null, "ja", null, null);
    }

    NotificationSetting withDigestAt(Instant at) {
        return new NotificationSetting(userId, email, lang, at, version);
    }
}
