package jp.kakehashi.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** New settings: an address (blank: none), ja or en, and the channel per kind to change. */
@Serdeable
public record NotificationSettingsCommand(@Nullable String email, @Nullable String lang,
                                          @Nullable Map<Notification.Kind, Channel> choices) {
}
