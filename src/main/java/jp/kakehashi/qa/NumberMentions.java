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
     * Ordinals as anniversaries and rounds are written (1周年 = first anniversary, 第3回 = third).
     * "second" is also a unit of time and a verb, but reading it as 2 can only make a 2 of the source
     * count as found, never raise a warning.
     */
    private static final java.util.List<String> ORDINALS = java.util.List.of("", "first", "second", "third", "fourth", "fifth",
            "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
            "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth");
    private static final Pattern ORDINAL_WORD = Pattern.compile("(?i)\\b(" + String.join("|", ORDINALS.stream()
            .filter(o -> !o.isEmpty()).toList()) + ")\\b");

    /** Multiples written as words: 2倍 = twice. */
    private static final Pattern MULTIPLE_WORD = Pattern.compile("(?i)\\b(twice|double|triple)\\b");
    /** What makes a Japanese 1 a quantity worth checking: an ordinal (第1回, 1周年, 1回目, 1番目, 1位). */
    private static final Pattern ORDINAL_COUNTER = Pattern.compile("^(?:周年|回目|番目|位)");

    private NumberMentions() {
    }

    /**
     * Whether the digits at [start, end) belong to a name or a file name rather than a quantity: they
     * touch a Latin letter, directly or through a hyphen or dot inside the token (G7, LON-128.png,
     * COVID-19, 5G, 2.5MB). An English ordinal or time suffix (12th, 2pm) keeps them a quantity.
     */
    static boolean insideName(String text, int start, int end) {
        int before = start - 1;
        if (before >= 0 && (text.charAt(before) == '-' || text.charAt(before) == '.')) {
            before--;
        }
        if (before >= 0 && isLatin(text.charAt(before))) {
            return true;
        }
        int after = end;
        if (after < text.length() && (text.charAt(after) == '-' || text.charAt(after) == '.')
                && after + 1 < text.length() && isLatin(text.charAt(after + 1))) {
            return true;
        }
        if (after < text.length() && isLatin(text.charAt(after))) {
            String rest = text.substring(after, Math.min(text.length(), after + 3)).toLowerCase(java.util.Locale.ROOT);
            return !rest.matches("(st|nd|rd|th|am|pm)([^a-z].*)?");
        }
        return false;
    }

    private static boolean isLatin(char c) {
        return c < 128 && Character.isLetter(c);
    }

    public static Map<String, String> japanese(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = JAPANESE.matcher(text);
        while (m.find()) {
            String written = trimSeparators(m.group());
            if (written.isEmpty() || isLoneKanjiWordPart(written)
                    || insideName(text, m.start(), m.start() + written.length())) {
                continue;
            }
            BigDecimal value = parseJapanese(written);
            if (value == null) {
                continue;
            }
            String after = text.substring(m.start() + written.length());
            if (after.startsWith("割")) {
                // 8割 is eight tenths: "80 per cent"
                value = value.multiply(BigDecimal.TEN);
                written = written + "割";
            }
            // a count of one is "a", "per", "each" or nothing in English (1人20ポンド: 20 pounds per
            // person); only an ordinal one (1周年: first anniversary) must be found
            boolean ordinal = ORDINAL_COUNTER.matcher(after).find()
                    || m.start() > 0 && text.charAt(m.start() - 1) == '第';
            if (value.compareTo(BigDecimal.ONE) != 0 || ordinal) {
                found.putIfAbsent(key(value), written);
            }
        }
        return found;
    }

    public static Map<String, String> english(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = ENGLISH.matcher(text);
        while (m.find()) {
            if (insideName(text, m.start(), m.end(2) >= 0 ? m.end(2) : m.end(1))) {
                continue;
            }
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
        Matcher x = MULTIPLE_WORD.matcher(text);
        while (x.find()) {
            found.putIfAbsent(x.group(1).equalsIgnoreCase("triple") ? "3" : "2", x.group());
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
