package jp.kakehashi.bulletin.imports;

import com.ibm.icu.text.Normalizer2;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Publish dates as offices write them: 2026年4月15日, 令和8年4月15日, 2026/04/15, 2026-04-15, 15 April 2026. */
public final class Dates {
    static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Pattern JA = Pattern.compile("(令和|平成)?(\\d{1,4}|元)年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})");
    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
    private static final Pattern ENGLISH_IN_TEXT = Pattern.compile("\\b(\\d{1,2} (?:" + MONTHS + ")\\.? \\d{4}|(?:"
            + MONTHS + ")\\.? \\d{1,2}, \\d{4})\\b");
    static final int MAX_CANDIDATES = 10;
    private static final List<DateTimeFormatter> ENGLISH = List.of(
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH));

    private Dates() {
    }

    /** A Japanese or numeric date anywhere in the (already NFKC-normalised) text. */
    static Optional<LocalDate> findJapanese(String normalized) {
        Matcher m = JA.matcher(normalized);
        if (m.find()) {
            int year = "元".equals(m.group(2)) ? 1 : Integer.parseInt(m.group(2));
            if ("令和".equals(m.group(1))) {
                year += 2018;
            } else if ("平成".equals(m.group(1))) {
                year += 1988;
            }
            return of(year, m.group(3), m.group(4));
        }
        return Optional.empty();
    }

    /**
     * Every date the text mentions (西暦, 令和/平成, 2026-04-15, 20 November 2023, November 20, 2023),
     * in order of first mention, at most {@link #MAX_CANDIDATES}: what an import without a publish
     * date offers its editor instead of guessing one.
     */
    public static List<LocalDate> all(String text) {
        String n = NFKC.normalize(text);
        java.util.Map<Integer, LocalDate> found = new java.util.TreeMap<>();
        Matcher ja = JA.matcher(n);
        while (ja.find()) {
            findJapanese(ja.group()).ifPresent(d -> found.putIfAbsent(ja.start(), d));
        }
        Matcher numeric = NUMERIC.matcher(n);
        while (numeric.find()) {
            wholeNumeric(numeric.group()).ifPresent(d -> found.putIfAbsent(numeric.start(), d));
        }
        Matcher en = ENGLISH_IN_TEXT.matcher(n);
        while (en.find()) {
            wholeLine(en.group().replace(".", "").replace("Sept ", "Sep ")).ifPresent(d -> found.putIfAbsent(en.start(), d));
        }
        return found.values().stream().distinct().limit(MAX_CANDIDATES).toList();
    }

    static Optional<LocalDate> wholeNumeric(String normalized) {
        Matcher m = NUMERIC.matcher(normalized);
        return m.matches() ? of(Integer.parseInt(m.group(1)), m.group(2), m.group(3)) : Optional.empty();
    }

    /** A line that is nothing but a date, in any of the accepted forms. */
    static Optional<LocalDate> wholeLine(String line) {
        String n = NFKC.normalize(line).strip();
        if (n.length() > 40) {
            return Optional.empty();
        }
        Optional<LocalDate> numeric = wholeNumeric(n);
        if (numeric.isPresent()) {
            return numeric;
        }
        Matcher m = JA.matcher(n);
        if (m.matches()) {
            return findJapanese(n);
        }
        for (DateTimeFormatter f : ENGLISH) {
            try {
                return Optional.of(LocalDate.parse(n, f));
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> of(int year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
