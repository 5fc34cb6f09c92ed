package jp.kakehashi.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** A person's notification settings; {@code mailAvailable} false when the service has no SMTP server. */
@Serdeable
public record NotificationSettingsView(@Nullable String email, String lang, Map<Notification.Kind, Channel> choices,
                                       boolean mailAvailable) {
}
