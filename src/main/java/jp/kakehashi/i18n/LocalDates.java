package jp.kakehashi.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Dates as each language's readers write them, with ICU: 2026年11月22日 (or 令和8年11月22日, the
 * Japanese imperial era that local-government documents use) and 22 November 2026 (British order,
 * as the English bulletins are written).
 */
public final class LocalDates {
    private static final ULocale JAPANESE = new ULocale("ja_JP");
    private static final ULocale JAPANESE_ERA = new ULocale("ja_JP@calendar=japanese");
    private static final ULocale ENGLISH = new ULocale("en_GB");

    private LocalDates() {
    }

    public static String format(LocalDate date, Locale locale, boolean era) {
        ULocale u = "ja".equals(locale.getLanguage()) ? era ? JAPANESE_ERA : JAPANESE : ENGLISH;
        DateFormat f = DateFormat.getDateInstance(DateFormat.LONG, u);
        f.setTimeZone(TimeZone.GMT_ZONE);
        // Set the day on a Gregorian calendar: a Japanese calendar's YEAR is the era year.
        Calendar c = new GregorianCalendar(TimeZone.GMT_ZONE);
        c.clear();
        c.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        return f.format(c.getTime());
    }

    /**
     * A year as the facet of search results names it: 2020 in English, 2020年（令和2年） in Japanese,
     * the era of the year's middle (2019 is 令和元年, as the year's documents mostly say).
     */
    public static String year(int year, Locale locale) {
        if (!"ja".equals(locale.getLanguage())) {
            return Integer.toString(year);
        }
        DateFormat era = DateFormat.getInstanceForSkeleton("Gy", JAPANESE_ERA);
        era.setTimeZone(TimeZone.GMT_ZONE);
        Calendar c = new GregorianCalendar(TimeZone.GMT_ZONE);
        c.clear();
        c.set(year, Calendar.JULY, 1);
        return year + "年（" + era.format(c.getTime()) + "）";
    }

    /**
     * The time of day of a moment in a zone, 24-hour, with the zone's abbreviation where one is
     * written. Japanese through ICU's Japanese ("21:08 JST", "13:08 GMT+1"). English as readers in
     * the zone's own country write it, since no one English has them all (CLDR gives EST only to
     * American English, AEST to Australian, SGT to Singapore's, CET and BST to British): "07:08 EST",
     * "23:08 AEDT", "20:08 SGT", "13:08 CET". Where English has none, as for Tokyo, Japanese's
     * (JST, which English texts about Japan use); else the offset ("21:08 GMT+9" in Seoul).
     */
    public static String time(java.time.Instant instant, java.time.ZoneId zone, Locale locale) {
        TimeZone tz = TimeZone.getTimeZone(zone.getId());
        java.util.Date at = java.util.Date.from(instant);
        if ("ja".equals(locale.getLanguage())) {
            return format("HHmmz", tz, at, JAPANESE);
        }
        ULocale local = new ULocale("en", TimeZone.getRegion(zone.getId()));
        String name = abbreviation(tz, at, local);
        if (name == null) {
            name = abbreviation(tz, at, JAPANESE);
        }
        return name == null ? format("HHmmz", tz, at, local) : format("HHmm", tz, at, local) + " " + name;
    }

    private static String format(String skeleton, TimeZone tz, java.util.Date at, ULocale locale) {
        DateFormat f = DateFormat.getInstanceForSkeleton(skeleton, locale);
        f.setTimeZone(tz);
        return f.format(at);
    }

    /** The zone's short name at that moment (standard or summer time) in {@code locale}, or null. */
    private static String abbreviation(TimeZone tz, java.util.Date at, ULocale locale) {
        TimeZoneNames.NameType type = tz.inDaylightTime(at) ? TimeZoneNames.NameType.SHORT_DAYLIGHT
                : TimeZoneNames.NameType.SHORT_STANDARD;
        return TimeZoneNames.getInstance(locale).getDisplayName(TimeZone.getCanonicalID(tz.getID()), type, at.getTime());
    }
}
