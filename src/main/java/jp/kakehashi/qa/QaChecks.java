package jp.kakehashi.qa;

import io.micronaut.serde.annotation.Serdeable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quality checks on a draft (docs/design/workflow.md: "blocking QA errors = 0"). Pure rules, no I/O; each issue
 * has a stable code with messages under {@code qa.<code>} in {@code locales/}. Blocking: the draft
 * is the source copied unchanged, or an English draft still holds Japanese sentences. Warnings,
 * because a translator may have good reasons (3万5000 may rightly become "some 35,000"): quantities
 * of the source missing from the draft, compared as values (3万5000人 ⇄ 35,000; 1億円 ⇄ 100 million
 * yen); dates missing, compared as dates (9月27日、28日 ⇄ 27 and 28 September; 令和8年 ⇄ 2026);
 * full-width characters left in English; unbalanced brackets or quotes; a length far outside what
 * the language pair gives.
 */
public final class QaChecks {
    private static final Pattern JAPANESE_RUN = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}ー]{4,}");
    private static final Pattern FULL_WIDTH = Pattern.compile("[\\u3000-\\u303F\\uFF01-\\uFF60\\uFFE0-\\uFFE6]");
    private static final String[][] BRACKETS = {{"(", ")"}, {"[", "]"}, {"{", "}"}, {"「", "」"}, {"『", "』"},
            {"“", "”"}, {"（", "）"}};
    /** English runs ~1.5–4 characters per Japanese character in these bulletins; flag far outside. */
    private static final double MIN_EN_PER_JA = 0.8;
    private static final double MAX_EN_PER_JA = 6.0;

    private QaChecks() {
    }

    public enum Severity { BLOCKING, WARNING }

    @Serdeable
    public record Issue(String code, Severity severity, String detail) {
    }

    public static List<Issue> check(String sourceBody, String targetTitle, String targetBody, String targetLang) {
        List<Issue> issues = new ArrayList<>();
        String source = fold(sourceBody);
        String target = fold(targetBody);
        boolean toEnglish = "en".equals(targetLang);
        if (!target.isBlank() && target.strip().equals(source.strip())) {
            issues.add(new Issue("SAME_AS_SOURCE", Severity.BLOCKING, "The draft is the source text unchanged"));
        }
        if (toEnglish) {
            Matcher m = JAPANESE_RUN.matcher(fold(targetTitle) + "\n" + target);
            if (m.find()) {
                issues.add(new Issue("UNTRANSLATED", Severity.BLOCKING, "Japanese text left in the translation: "
                        + m.group()));
            }
        }
        if (target.isBlank()) {
            return issues;
        }
        String targetAll = fold(targetTitle) + "\n" + target;
        DateMentions ja = DateMentions.japanese(toEnglish ? source : targetAll);
        DateMentions en = DateMentions.english(toEnglish ? targetAll : source);
        dates(issues, toEnglish ? ja : en, toEnglish ? en : ja);
        numbers(issues, toEnglish, toEnglish ? ja : en, toEnglish ? en : ja);
        if (toEnglish) {
            Set<String> left = new TreeSet<>();
            Matcher m = FULL_WIDTH.matcher(nullToEmpty(targetTitle) + "\n" + nullToEmpty(targetBody));
            while (m.find()) {
                left.add(m.group());
            }
            if (!left.isEmpty()) {
                issues.add(new Issue("FULL_WIDTH", Severity.WARNING, "Full-width characters in English: "
                        + String.join(" ", left)));
            }
        }
        brackets(issues, nullToEmpty(targetBody));
        lengthRatio(issues, source, target, toEnglish);
        return issues;
    }

    public static boolean blocking(List<Issue> issues) {
        return issues.stream().anyMatch(i -> i.severity() == Severity.BLOCKING);
    }

    private static void dates(List<Issue> issues, DateMentions source, DateMentions target) {
        Set<String> missing = missingDates(source, target);
        if (!missing.isEmpty()) {
            issues.add(new Issue("DATES", Severity.WARNING, "Dates of the source not found: " + missing));
        }
    }

    private static Set<String> missingDates(DateMentions source, DateMentions target) {
        Set<String> missing = new TreeSet<>();
        for (String d : source.found()) {
            if (!target.mentions(d)) {
                missing.add(d);
            }
        }
        return missing;
    }

    private static void numbers(List<Issue> issues, boolean toEnglish, DateMentions source, DateMentions target) {
        Map<String, String> missing = missingNumbers(toEnglish, source, target);
        if (!missing.isEmpty()) {
            issues.add(new Issue("NUMBERS", Severity.WARNING, "Numbers of the source not found: "
                    + new TreeSet<>(missing.values())));
        }
    }

    /**
     * Values of the source's quantities the target lacks, each with its source spelling. A year the
     * target wrote as a date counts (東京2020 ⇄ "Tokyo 2020", read there as a year); an English one
     * is never required ("for the first time" is 初めて).
     */
    private static Map<String, String> missingNumbers(boolean toEnglish, DateMentions source, DateMentions target) {
        Map<String, String> from = toEnglish ? NumberMentions.japanese(source.rest()) : NumberMentions.english(source.rest());
        Map<String, String> to = toEnglish ? NumberMentions.english(target.rest()) : NumberMentions.japanese(target.rest());
        Map<String, String> missing = new java.util.LinkedHashMap<>(from);
        missing.keySet().removeAll(to.keySet());
        missing.keySet().removeAll(target.found());
        if (!toEnglish) {
            missing.remove("1");
        }
        return missing;
    }

    /**
     * The segments a NUMBERS or DATES warning is about: the indexes of {@code segmentSources} (the
     * source side of each alignment link, in order) that mention a quantity or date the whole draft
     * lacks. The warning itself stays a whole-text finding, so a number the translator moved to
     * another sentence is no warning; this only says where to look. Other codes have no segments.
     */
    public static List<Integer> segments(String code, String sourceBody, String targetTitle, String targetBody,
                                         String targetLang, List<String> segmentSources) {
        boolean toEnglish = "en".equals(targetLang);
        String targetAll = fold(targetTitle) + "\n" + fold(targetBody);
        java.util.function.Function<String, DateMentions> sourceDates = toEnglish ? DateMentions::japanese
                : DateMentions::english;
        DateMentions source = sourceDates.apply(fold(sourceBody));
        DateMentions target = toEnglish ? DateMentions.english(targetAll) : DateMentions.japanese(targetAll);
        Set<String> missing = switch (code) {
            case "DATES" -> missingDates(source, target);
            case "NUMBERS" -> missingNumbers(toEnglish, source, target).keySet();
            default -> Set.of();
        };
        List<Integer> found = new ArrayList<>();
        for (int i = 0; !missing.isEmpty() && i < segmentSources.size(); i++) {
            DateMentions here = sourceDates.apply(fold(segmentSources.get(i)));
            Set<String> mentioned = "DATES".equals(code) ? here.found()
                    : (toEnglish ? NumberMentions.japanese(here.rest()) : NumberMentions.english(here.rest())).keySet();
            if (mentioned.stream().anyMatch(missing::contains)) {
                found.add(i);
            }
        }
        return found;
    }

    private static void brackets(List<Issue> issues, String text) {
        List<String> unbalanced = new ArrayList<>();
        for (String[] b : BRACKETS) {
            if (count(text, b[0]) != count(text, b[1])) {
                unbalanced.add(b[0] + b[1]);
            }
        }
        if (count(text, "\"") % 2 != 0) {
            unbalanced.add("\"\"");
        }
        if (!unbalanced.isEmpty()) {
            issues.add(new Issue("BRACKETS", Severity.WARNING, "Unbalanced: " + String.join(" ", unbalanced)));
        }
    }

    private static void lengthRatio(List<Issue> issues, String source, String target, boolean toEnglish) {
        int ja = toEnglish ? source.strip().length() : target.strip().length();
        int en = toEnglish ? target.strip().length() : source.strip().length();
        if (ja < 40 || en == 0) {
            return;
        }
        double ratio = (double) en / ja;
        if (ratio < MIN_EN_PER_JA || ratio > MAX_EN_PER_JA) {
            issues.add(new Issue("LENGTH_RATIO", Severity.WARNING, String.format(java.util.Locale.ROOT,
                    "English/Japanese length %.1f (usual %.1f–%.1f)", ratio, MIN_EN_PER_JA, MAX_EN_PER_JA)));
        }
    }

    private static int count(String text, String s) {
        int n = 0;
        for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length())) {
            n++;
        }
        return n;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String fold(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}
