package jp.kakehashi.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import jp.kakehashi.mail.MailQueue;
import jp.kakehashi.security.Staff;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Each person's choice per kind of notification, and their mail address and language. A kind
 * nobody chose for is {@link Channel#PAGE}. Mail choices need an address, and mail configured on
 * the service.
 */
@Singleton
public class Preferences {
    /** An address as people write it: one @, no spaces or angle brackets; the SMTP server has the last word. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z]{2,63}");
    private final NotificationSettingRepository settings;
    private final JdbcOperations jdbc;
    private final MailQueue mail;
    private final AddressConfirmation confirmation;

    Preferences(NotificationSettingRepository settings, JdbcOperations jdbc, MailQueue mail,
                AddressConfirmation confirmation) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.mail = mail;
        this.confirmation = confirmation;
    }

    public NotificationSetting setting(long userId) {
        return settings.findById(userId).orElse(NotificationSetting.defaults(userId));
    }

    /** Every kind with its channel, defaults filled in. */
    public Map<Notification.Kind, Channel> choices(long userId) {
        Map<Notification.Kind, Channel> m = new EnumMap<>(Notification.Kind.class);
        for (Notification.Kind k : Notification.Kind.values()) {
            m.put(k, Channel.PAGE);
        }
        jdbc.prepareStatement("SELECT kind, channel FROM notification_choice WHERE user_id = ?", ps -> {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(Notification.Kind.valueOf(rs.getString(1)), Channel.valueOf(rs.getString(2)));
                }
            }
            return null;
        });
        return m;
    }

    /** Whether mail can reach the person: the service sends mail and they gave an address and confirmed it. */
    boolean mailable(NotificationSetting s) {
        return mail.enabled() && s.confirmed();
    }

    /**
     * How a kind reaches the person now: as they chose, but in the inbox instead of mail they cannot
     * get (the service's mail switched off since, or no address).
     */
    Channel channel(long userId, Notification.Kind kind, NotificationSetting s) {
        Channel c = jdbc.prepareStatement("SELECT channel FROM notification_choice WHERE user_id = ? AND kind = ?", ps -> {
            ps.setLong(1, userId);
            ps.setString(2, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Channel.valueOf(rs.getString(1)) : Channel.PAGE;
            }
        });
        return c.mails() && !mailable(s) ? Channel.PAGE : c;
    }

    @Transactional(readOnly = true)
    public NotificationSettingsView view(Staff who) {
        NotificationSetting s = setting(who.id());
        return new NotificationSettingsView(s.email(), s.confirmed(), s.lang(), choices(who.id()), mail.enabled());
    }

    /** Replaces the person's settings; kinds the command leaves out keep their channel. */
    @Transactional
    public NotificationSettingsView update(Staff who, NotificationSettingsCommand c) {
        String lang = c.lang() == null ? "ja" : c.lang();
        if (!lang.equals("ja") && !lang.equals("en")) {
            throw ApiException.invalidParameter("lang", "lang is ja or en");
        }
        String email = c.email() == null || c.email().isBlank() ? null : c.email().strip();
        if (email != null && (email.length() > 254 || !ADDRESS.matcher(email).matches())) {
            throw ApiException.invalidParameter("email", "email is an address such as name@example.org");
        }
        Map<Notification.Kind, Channel> chosen = c.choices() == null ? Map.of() : c.choices();
        boolean wantsMail = chosen.values().stream().anyMatch(Channel::mails);
        if (wantsMail && !mail.enabled()) {
            throw new ApiException(ErrorCode.MAIL_NOT_CONFIGURED, "This service sends no mail; choose PAGE or NONE");
        }
        if (wantsMail && email == null) {
            throw ApiException.invalidParameter("email", "mail needs an address");
        }
        NotificationSetting before = setting(who.id());
        NotificationSetting next = confirmation.apply(before, email, lang, Instant.now());
        if (before.version() == null) {
            settings.save(next);
        } else {
            settings.update(next);
        }
        jdbc.prepareStatement("INSERT INTO notification_choice (user_id, kind, channel) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE channel = VALUES(channel)", ps -> {
            for (var e : chosen.entrySet()) {
                ps.setLong(1, who.id());
                ps.setString(2, e.getKey().name());
                ps.setString(3, e.getValue().name());
                ps.addBatch();
            }
            return chosen.isEmpty() ? null : ps.executeBatch();
        });
        return view(who);
    }

    /** Confirms the person's address with the token of the link sent to it (422 CONFIRMATION_INVALID). */
    @Transactional
    public NotificationSettingsView confirm(Staff who, @Nullable String token) {
        settings.update(confirmation.confirmed(setting(who.id()), token, Instant.now()));
        return view(who);
    }
}
