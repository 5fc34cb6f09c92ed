package jp.kakehashi.i18n;

import com.ibm.icu.text.DateFormat;
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
     * The time of day of a moment in a zone, 24-hour with the zone's short name, through ICU in the
     * language's own way: "13:08 CET", "13:08 JST" (ICU writes JST for Tokyo in Japanese too).
     */
    public static String time(java.time.Instant instant, java.time.ZoneId zone, Locale locale) {
        ULocale u = "ja".equals(locale.getLanguage()) ? JAPANESE : ENGLISH;
        DateFormat f = DateFormat.getInstanceForSkeleton("HHmmz", u);
        f.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return f.format(java.util.Date.from(instant));
    }
}
