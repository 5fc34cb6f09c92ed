package jp.kakehashi.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakehashi.i18n.LocalDates;
import jp.kakehashi.i18n.Messages;

/** What templates call for words: {@code ${t.get('key')}}, {@code ${t.fmt('key', 'arg', value)}}, dates. */
public final class Texts {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final Messages messages;
    private final Locale locale;
    private Map<String, jp.kakehashi.office.Office> offices = Map.of();

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

    public String fmt(String key, String n1, Object v1, String n2, Object v2) {
        return messages.format(locale, key, Map.of(n1, v1, n2, v2));
    }

    public String fmt(String key, String n1, Object v1, String n2, Object v2, String n3, Object v3) {
        return messages.format(locale, key, Map.of(n1, v1, n2, v2, n3, v3));
    }

    /** One edition of a bulletin in words: its language, whether it is the original, how much is out. */
    public String edition(jp.kakehashi.bulletin.Edition e) {
        return messages.format(locale, "page.edition", Map.of("lang", get("lang." + e.lang()),
                "source", e.source() ? "yes" : "no", "released", e.released(), "items", e.items()));
    }

    /** A stored text as paragraphs, headings, lists and tables ({@code layout :: blocks}). */
    public List<TextBlocks.Group> blocks(String text) {
        return TextBlocks.of(text);
    }

    /** An instant as the calendar date at headquarters (Tokyo), written the locale's way. */
    public String date(Instant instant) {
        return date(LocalDate.ofInstant(instant, TOKYO));
    }

    public String date(LocalDate date) {
        return LocalDates.format(date, locale, "ja".equals(locale.getLanguage()));
    }

    /** A year of the search facet: 2020, or 2020年（令和2年）. */
    public String year(String year) {
        return LocalDates.year(Integer.parseInt(year), locale);
    }

    /** A moment as the date and time in a zone (an office's), with the zone named: 2026年11月22日 13:08 CET. */
    public String dateTime(Instant instant, ZoneId zone) {
        java.time.ZonedDateTime at = instant.atZone(zone);
        return date(at.toLocalDate()) + " " + LocalDates.time(instant, zone, locale);
    }

    /** An audit action in words (history.claim), the code itself for one without words yet. */
    public String action(String auditName) {
        String key = "history." + auditName;
        String words = messages.format(locale, key, Map.of());
        return words.equals(key) ? auditName : words;
    }

    /** Lets {@link #office} name offices; pages without it show codes. */
    Texts withOffices(List<jp.kakehashi.office.Office> all) {
        Map<String, jp.kakehashi.office.Office> byCode = new java.util.HashMap<>();
        all.forEach(o -> byCode.put(o.code(), o));
        this.offices = byCode;
        return this;
    }

    /** An office by its name in the page language (パリ, Paris), the code for an unknown one. */
    public String office(String code) {
        jp.kakehashi.office.Office o = code == null ? null : offices.get(code);
        return o == null ? String.valueOf(code) : "ja".equals(locale.getLanguage()) ? o.nameJa() : o.nameEn();
    }

    public String lang() {
        return locale.getLanguage();
    }

    public String other() {
        return "ja".equals(locale.getLanguage()) ? "en" : "ja";
    }
}
