package jp.kakehashi.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import jp.kakehashi.i18n.LocalDates;
import jp.kakehashi.i18n.Messages;

/** What templates call for words: {@code ${t.get('key')}}, {@code ${t.fmt('key', 'arg', value)}}, dates. */
public final class Texts {
    private final Messages messages;
    private final Locale locale;

    Texts(Messages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String get(String key) {
        return messages.format(locale, key, Map.of());
    }

    public String fmt(String key, String name, Object value) {
        return messages.format(locale, key, Map.of(name, value));
    }

    public String date(LocalDate date) {
        return LocalDates.format(date, locale, "ja".equals(locale.getLanguage()));
    }

    public String lang() {
        return locale.getLanguage();
    }

    public String other() {
        return "ja".equals(locale.getLanguage()) ? "en" : "ja";
    }
}
