package jp.kakehashi.qa;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quantities a text mentions, as values, so a QA check can compare 3万5000人 with 35,000 people
 * and 1億円 with 100 million yen. Japanese: Arabic digits (already width-folded by the caller) and
 * kanji numerals with the units 十百千 and 万億兆, mixed as offices write them (2.5億, 1億2000万,
 * 三千五百). A lone kanji numeral is not read as a number: it is part of too many words and names
 * (一部, 八戸, 千葉).
 * English: digits with thousands separators, optionally scaled by thousand/million/billion/trillion,
 * the numbers two to twenty written as words, and the ordinals first to twentieth.
 * Keys are the values (plain strings without trailing zeros), values the text as written.
 */
public final class NumberMentions {
    private static final String KANJI_DIGITS = "〇一二三四五六七八九";
    private static final Pattern JAPANESE = Pattern.compile(
            "(?:\\d[\\d,]*(?:\\.\\d+)?|[〇一二三四五六七八九十百千])[\\d,.〇一二三四五六七八九十百千万億兆]*");
    private static final Pattern ENGLISH = Pattern.compile(
            "(?<![\\w.])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:\\s*(thousand|million|billion|trillion)\\b)?",
            Pattern.CASE_INSENSITIVE);
    /** Numbers style guides spell out ("ten students"); "one" is left out, as "one of" is no quantity. */
    private static final java.util.List<String> SPELLED = java.util.List.of("", "", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty");
    private static final Pattern SPELLED_WORD = Pattern.compile("(?i)\\b(" + String.join("|", SPELLED.subList(2,
            SPELLED.size())) + ")\\b");

    /**
     * Ordinals as anniversaries and rounds are written (1周年 = first anniversary, 第3回 = third);
     * "second" is left out, as it is also a unit of time and a verb.
     */
    private static final java.util.List<String> ORDINALS = java.util.List.of("", "first", "", "third", "fourth", "fifth",
            "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
            "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth");
    private static final Pattern ORDINAL_WORD = Pattern.compile("(?i)\\b(" + String.join("|", ORDINALS.stream()
            .filter(o -> !o.isEmpty()).toList()) + ")\\b");

    private NumberMentions() {
    }

    public static Map<String, String> japanese(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = JAPANESE.matcher(text);
        while (m.find()) {
            String written = trimSeparators(m.group());
            if (written.isEmpty() || isLoneKanjiWordPart(written)) {
                continue;
            }
            BigDecimal value = parseJapanese(written);
            if (value != null) {
                found.putIfAbsent(key(value), written);
            }
        }
        return found;
    }

    public static Map<String, String> english(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = ENGLISH.matcher(text);
        while (m.find()) {
            BigDecimal value = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
            if (m.group(3) != null) {
                value = value.multiply(BigDecimal.TEN.pow(switch (m.group(3).toLowerCase(java.util.Locale.ROOT)) {
                    case "thousand" -> 3;
                    case "million" -> 6;
                    case "billion" -> 9;
                    default -> 12;
                }));
            }
            found.putIfAbsent(key(value), m.group());
        }
        Matcher w = SPELLED_WORD.matcher(text);
        while (w.find()) {
            found.putIfAbsent(String.valueOf(SPELLED.indexOf(w.group(1).toLowerCase(java.util.Locale.ROOT))), w.group());
        }
        Matcher o = ORDINAL_WORD.matcher(text);
        while (o.find()) {
            found.putIfAbsent(String.valueOf(ORDINALS.indexOf(o.group(1).toLowerCase(java.util.Locale.ROOT))), o.group());
        }
        return found;
    }

    /** Positional digits (2026, 二〇二六) and multiplicative units (三千五百, 3万5000, 2.5億) alike. */
    static BigDecimal parseJapanese(String s) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal section = BigDecimal.ZERO;
        BigDecimal digits = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                int end = i;
                while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == ','
                        || s.charAt(end) == '.')) {
                    end++;
                }
                String number = s.substring(i, end).replace(",", "");
                if (number.chars().filter(ch -> ch == '.').count() > 1 || number.endsWith(".")) {
                    return null;
                }
                digits = new BigDecimal(number);
                i = end;
                continue;
            }
            int kanji = KANJI_DIGITS.indexOf(c);
            if (kanji >= 0) {
                digits = (digits == null ? BigDecimal.ZERO : digits.multiply(BigDecimal.TEN)).add(BigDecimal.valueOf(kanji));
            } else if (c == '十' || c == '百' || c == '千') {
                int power = c == '十' ? 1 : c == '百' ? 2 : 3;
                section = section.add((digits == null ? BigDecimal.ONE : digits).multiply(BigDecimal.TEN.pow(power)));
                digits = null;
            } else if (c == '万' || c == '億' || c == '兆') {
                int power = c == '万' ? 4 : c == '億' ? 8 : 12;
                BigDecimal group = section.add(digits == null ? BigDecimal.ZERO : digits);
                total = total.add((group.signum() == 0 ? BigDecimal.ONE : group).multiply(BigDecimal.TEN.pow(power)));
                section = BigDecimal.ZERO;
                digits = null;
            }
            i++;
        }
        return total.add(section).add(digits == null ? BigDecimal.ZERO : digits);
    }

    /** 一部, 八戸, 千葉, 十分, 百貨店: one kanji numeral on its own is a word part, not a quantity. */
    private static boolean isLoneKanjiWordPart(String written) {
        return written.length() == 1 && !Character.isDigit(written.charAt(0));
    }

    private static String trimSeparators(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ',' || s.charAt(end - 1) == '.')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String key(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
