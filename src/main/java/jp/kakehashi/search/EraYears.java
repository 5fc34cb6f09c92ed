package jp.kakehashi.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year as readers type it, in each way the bulletins write it: 令和2年 = 2020年 = 2020 = R2.
 * Japanese offices date by era (令和2年度の事業), English reports by the Western year; a query in
 * one form also searches the others. Era years are counted as the calendar does: 令和元年 = 2019
 * (from 1 May; 平成31年 is 2019 too), 平成元年 = 1989, 昭和元年 = 1926.
 */
final class EraYears {
    private static final Pattern ERA = Pattern.compile("(令和|平成|昭和)(元|\\d{1,2})年");
    /** Four digits of their own, not inside a number (4,2020) or a name (ab2020c); 東京2020 is a year. */
    private static final Pattern WESTERN = Pattern.compile(
            "(?<![\\d,.\\p{IsLatin}])((?:19|20)\\d{2})(?![\\d,.\\p{IsLatin}])(年?)");
    /** R2, H31, S60 as a word of their own (not R2D2). */
    private static final Pattern LATIN_ERA = Pattern.compile("(?i)(?<![\\p{IsLatin}\\d])([rhs])(\\d{1,2})(?![\\p{IsLatin}\\d])");

    private EraYears() {
    }

    /** The segment itself first, then the same with its year written the other ways; alone if it has none. */
    static List<String> alternatives(String segment) {
        Set<String> out = new LinkedHashSet<>();
        out.add(segment);
        Matcher era = ERA.matcher(segment);
        if (era.find()) {
            int year = western(era.group(1), era.group(2));
            out.add(segment.substring(0, era.start()) + year + "年" + segment.substring(era.end()));
            if (era.start() == 0 && era.end() == segment.length()) {
                out.add(String.valueOf(year));
            }
            return new ArrayList<>(out);
        }
        Matcher latin = LATIN_ERA.matcher(segment);
        if (latin.find()) {
            String name = eraName(latin.group(1).charAt(0));
            String before = segment.substring(0, latin.start());
            String after = segment.substring(latin.end());
            out.add(before + name + latin.group(2) + "年" + after);
            out.add(before + western(name, latin.group(2)) + after);
            return new ArrayList<>(out);
        }
        Matcher w = WESTERN.matcher(segment);
        if (w.find()) {
            int year = Integer.parseInt(w.group(1));
            for (String e : eras(year)) {
                out.add(segment.substring(0, w.start()) + e + segment.substring(w.end()));
            }
        }
        return new ArrayList<>(out);
    }

    /** The year a segment is, when it is nothing but a year in one of its forms (令和2年, 2020年, 2020, R2). */
    static OptionalInt year(String segment) {
        Matcher era = ERA.matcher(segment);
        if (era.matches()) {
            return OptionalInt.of(western(era.group(1), era.group(2)));
        }
        Matcher latin = LATIN_ERA.matcher(segment);
        if (latin.matches()) {
            String name = eraName(latin.group(1).charAt(0));
            return OptionalInt.of(western(name, latin.group(2)));
        }
        Matcher w = WESTERN.matcher(segment);
        return w.matches() ? OptionalInt.of(Integer.parseInt(w.group(1))) : OptionalInt.empty();
    }

    /** R, H, S as the eras they abbreviate. */
    private static String eraName(char letter) {
        return switch (Character.toUpperCase(letter)) {
            case 'R' -> "令和";
            case 'H' -> "平成";
            default -> "昭和";
        };
    }

    static int western(String era, String n) {
        int k = "元".equals(n) ? 1 : Integer.parseInt(n);
        return switch (era) {
            case "令和" -> 2018 + k;
            case "平成" -> 1988 + k;
            default -> 1925 + k;
        };
    }

    /** The era years of a Western year: two for the year an era changed (2019: 平成31年 and 令和元年). */
    static List<String> eras(int year) {
        List<String> eras = new ArrayList<>();
        if (year >= 2019) {
            eras.add("令和" + (year == 2019 ? "元" : String.valueOf(year - 2018)) + "年");
        }
        if (year >= 1989 && year <= 2019) {
            eras.add("平成" + (year == 1989 ? "元" : String.valueOf(year - 1988)) + "年");
        }
        if (year >= 1926 && year <= 1989) {
            eras.add("昭和" + (year == 1926 ? "元" : String.valueOf(year - 1925)) + "年");
        }
        return eras;
    }
}
