package jp.kakehashi.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * A person's notification settings; {@code emailConfirmed} false until the owner of the address opened
 * the link sent to it (no mail goes there before), {@code mailAvailable} false when the service has no
 * SMTP server.
 */
@Serdeable
public record NotificationSettingsView(@Nullable String email, boolean emailConfirmed, String lang,
                                       Map<Notification.Kind, Channel> choices, boolean mailAvailable) {
}
