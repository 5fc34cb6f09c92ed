package jp.kakehashi.notification;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakehashi.bulletin.BulletinRepository;
import jp.kakehashi.i18n.Messages;
import jp.kakehashi.system.KakehashiConfig;

/**
 * Notification mail in its person's language, from the {@code mail.*} and {@code notification.*}
 * patterns of {@code locales/}. Plain text only: people's words (reasons, comments, titles) are
 * copied as text and cannot become markup or links of their own.
 */
@Singleton
class MailTemplates {
    /** Notifications one digest lists; the rest are counted and left to the inbox. */
    static final int DIGEST_ITEMS = 50;
    private final Messages messages;
    private final BulletinRepository bulletins;
    private final KakehashiConfig config;

    MailTemplates(Messages messages, BulletinRepository bulletins, KakehashiConfig config) {
        this.messages = messages;
        this.bulletins = bulletins;
        this.config = config;
    }

    record Mail(String subject, String body) {
    }

    Mail one(Notification n, NotificationSetting to) {
        Locale l = Locale.forLanguageTag(to.lang());
        String what = what(n, l);
        StringBuilder body = new StringBuilder(what).append("\n\n");
        item(body, n, l);
        body.append('\n').append(footer(l));
        return new Mail(messages.format(l, "mail.subject", Map.of("what", what)), body.toString());
    }

    Mail digest(List<Notification> items, long more, NotificationSetting to) {
        Locale l = Locale.forLanguageTag(to.lang());
        long count = items.size() + more;
        StringBuilder body = new StringBuilder(messages.format(l, "mail.digestIntro", Map.of())).append("\n\n");
        for (Notification n : items) {
            body.append("* ").append(what(n, l)).append('\n');
            item(body, n, l);
            body.append('\n');
        }
        if (more > 0) {
            body.append(messages.format(l, "mail.digestMore", Map.of("count", more,
                    "url", config.getBaseUrl() + "/work/notifications"))).append("\n\n");
        }
        body.append(footer(l));
        return new Mail(messages.format(l, "mail.digestSubject", Map.of("count", count)), body.toString());
    }

    /** The mail that asks {@code to}'s owner to confirm the address: the link, nothing of the archive. */
    Mail confirmation(String token, NotificationSetting to, java.time.Duration valid) {
        Locale l = Locale.forLanguageTag(to.lang());
        String body = messages.format(l, "mail.confirmIntro", Map.of()) + "\n\n"
                + config.getBaseUrl() + "/work/settings/notifications?confirm=" + token + "\n\n"
                + messages.format(l, "mail.confirmValidity", Map.of("hours", valid.toHours()));
        return new Mail(messages.format(l, "mail.confirmSubject", Map.of()), body);
    }

    private String what(Notification n, Locale l) {
        return messages.format(l, "notification." + n.kind().name(), Map.of("actor", n.actor()));
    }

    private void item(StringBuilder body, Notification n, Locale l) {
        if (n.bulletinId() != null) {
            bulletins.findById(n.bulletinId()).ifPresent(b -> body.append(messages.format(l, "mail.bulletin",
                    Map.of("title", title(b.titleJa(), b.titleEn(), l, b.id())))).append('\n'));
        }
        if (n.excerpt() != null) {
            body.append("> ").append(n.excerpt().replace("\n", "\n> ")).append('\n');
        }
        if (n.link() != null) {
            body.append(messages.format(l, "mail.open", Map.of("url", config.getBaseUrl() + n.link()))).append('\n');
        }
    }

    private String footer(Locale l) {
        return "-- \n" + messages.format(l, "mail.footer", Map.of("url", config.getBaseUrl() + "/work/settings/notifications"));
    }

    private static String title(String ja, String en, Locale l, Long id) {
        String first = l.getLanguage().equals("ja") ? ja : en;
        String second = l.getLanguage().equals("ja") ? en : ja;
        return first != null && !first.isBlank() ? first : second != null && !second.isBlank() ? second : "#" + id;
    }
}
