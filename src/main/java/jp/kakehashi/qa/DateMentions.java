package jp.kakehashi.qa;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates a text mentions, in one comparable form ({@code 2026}, {@code 9-27}, {@code month 9}),
 * so 9月27日、28日 matches "27 and 28 September" and 令和8年 matches 2026. {@link #blank} removes
 * the date expressions so the number check does not read 27 in 9月27日 as a quantity.
 * Japanese text is expected width-folded (NFKC) by the caller.
 */
record DateMentions(Set<String> found, String rest) {
    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December";
    private static final Pattern JA_ERA_YEAR = Pattern.compile("(令和|平成|昭和)(元|\\d{1,2})年");
    private static final Pattern JA_YEAR = Pattern.compile("(?<!\\d)(\\d{4})年");
    /** A list or range of days: 21、22日 / 7日と8日 / 23日から26日まで / 31日～11月2日; the last day carries 日. */
    private static final String DAYS = "\\d{1,2}日?(?:\\s*(?:[、,・~〜\\-–]|から|と)\\s*(?:\\d{1,2}月)?\\d{1,2}日?)*(?<=日)(?!間)";
    private static final Pattern JA_MONTH_DAYS = Pattern.compile("(?<!\\d)(\\d{1,2})月(?:(" + DAYS + ")(?:まで)?)?");
    /** Days without their month (会期は23日から26日), which the sentence before named; 3日間 is a duration. */
    private static final Pattern JA_BARE_DAYS = Pattern.compile("(?<![\\d月])" + DAYS
            + "(?!平均|あたり|当たり|当り|につき)(?:まで)?");
    private static final Pattern JA_MORE_DAYS = Pattern.compile("(?:(\\d{1,2})月)?(\\d{1,2})(?![\\d月])");
    /** A year, not part of a longer number: "2,020" is no year, "in 2020, the" is. */
    private static final Pattern EN_YEAR = Pattern.compile("(?<![\\d,.])((?:19|20)\\d{2})(?!\\d|,\\d)");
    private static final Pattern EN_DAYS_MONTH = Pattern.compile("((?:\\d{1,2}(?:st|nd|rd|th)?\\s*(?:,|and|to|-|–)\\s*)*"
            + "\\d{1,2}(?:st|nd|rd|th)?)\\s+(" + MONTHS + ")");
    private static final Pattern EN_MONTH_DAYS = Pattern.compile("(" + MONTHS + ")\\s+(\\d{1,2}(?:st|nd|rd|th)?"
            + "(?:\\s*(?:,|and|to|-|–)\\s*\\d{1,2}(?:st|nd|rd|th)?)*)(?!\\d)");
    private static final Pattern EN_MONTH = Pattern.compile("\\b(" + MONTHS + ")\\b");
    private static final Pattern DAY = Pattern.compile("\\d{1,2}");

    static DateMentions japanese(String text) {
        Set<String> found = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder(text);
        Matcher era = JA_ERA_YEAR.matcher(text);
        while (era.find()) {
            int n = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
            int base = switch (era.group(1)) {
                case "令和" -> 2018;
                case "平成" -> 1988;
                default -> 1925;
            };
            found.add(Integer.toString(base + n));
            blank(rest, era.start(), era.end());
        }
        Matcher year = JA_YEAR.matcher(text);
        while (year.find()) {
            found.add(year.group(1));
            blank(rest, year.start(), year.end());
        }
        Matcher md = JA_MONTH_DAYS.matcher(text);
        while (md.find()) {
            int month = Integer.parseInt(md.group(1));
            if (md.group(2) == null) {
                found.add("month " + month);
            } else {
                Matcher day = JA_MORE_DAYS.matcher(md.group(2));
                while (day.find()) {
                    if (day.group(1) != null) {
                        month = Integer.parseInt(day.group(1));
                    }
                    found.add(month + "-" + Integer.parseInt(day.group(2)));
                }
            }
            blank(rest, md.start(), md.end());
        }
        Matcher bare = JA_BARE_DAYS.matcher(rest.toString());
        while (bare.find()) {
            Matcher day = JA_MORE_DAYS.matcher(bare.group());
            while (day.find()) {
                found.add(day.group(1) == null ? "day " + Integer.parseInt(day.group(2))
                        : day.group(1) + "-" + Integer.parseInt(day.group(2)));
            }
            blank(rest, bare.start(), bare.end());
        }
        return new DateMentions(found, rest.toString());
    }

    static DateMentions english(String text) {
        Set<String> found = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder(text);
        for (Pattern p : new Pattern[] {EN_DAYS_MONTH, EN_MONTH_DAYS}) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                boolean dayFirst = p == EN_DAYS_MONTH;
                int month = month(dayFirst ? m.group(2) : m.group(1));
                Matcher day = DAY.matcher(dayFirst ? m.group(1) : m.group(2));
                while (day.find()) {
                    found.add(month + "-" + Integer.parseInt(day.group()));
                }
                blank(rest, m.start(), m.end());
            }
        }
        Matcher month = EN_MONTH.matcher(text);
        while (month.find()) {
            found.add("month " + month(month.group(1)));
        }
        Matcher year = EN_YEAR.matcher(rest);
        while (year.find()) {
            found.add(year.group(1));
            blank(rest, year.start(), year.end());
        }
        return new DateMentions(found, rest.toString());
    }

    /** A month named with a day counts as a mention of the month too, and a day of any month of a bare day. */
    boolean mentions(String date) {
        if (found.contains(date)) {
            return true;
        }
        if (date.startsWith("day ")) {
            return found.stream().anyMatch(f -> f.endsWith("-" + date.substring(4)));
        }
        return date.startsWith("month ")
                && found.stream().anyMatch(f -> f.startsWith(date.substring(6) + "-"));
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] all = MONTHS.toLowerCase(Locale.ROOT).split("\\|");
        for (int i = 0; i < all.length; i++) {
            if (all[i].equals(n)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void blank(StringBuilder s, int start, int end) {
        for (int i = start; i < end; i++) {
            s.setCharAt(i, ' ');
        }
    }
}
