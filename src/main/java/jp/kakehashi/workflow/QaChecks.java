package jp.kakehashi.workflow;

import io.micronaut.serde.annotation.Serdeable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quality checks on a draft before it may be submitted (workflow.md: "blocking QA errors = 0"). Pure
 * rules, no I/O. Blocking: the draft is the source copied unchanged, or an English draft still holds
 * Japanese sentences. Warnings (shown, not blocking, because Japanese and English write numbers and
 * dates differently — 3万5000 is 35,000): numbers of the source missing from the draft.
 */
public final class QaChecks {
    private static final Pattern JAPANESE_RUN = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}ー]{4,}");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*");

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
        if (!target.isBlank() && target.strip().equals(source.strip())) {
            issues.add(new Issue("SAME_AS_SOURCE", Severity.BLOCKING, "The draft is the source text unchanged"));
        }
        if ("en".equals(targetLang)) {
            Matcher m = JAPANESE_RUN.matcher(fold(targetTitle) + "\n" + target);
            if (m.find()) {
                issues.add(new Issue("UNTRANSLATED", Severity.BLOCKING, "Japanese text left in the translation: "
                        + m.group()));
            }
        }
        Set<String> missing = new TreeSet<>(numbers(source));
        missing.removeAll(numbers(target + " " + fold(targetTitle)));
        if (!missing.isEmpty() && "en".equals(targetLang)) {
            issues.add(new Issue("NUMBERS", Severity.WARNING, "Numbers of the source not found: " + missing));
        }
        return issues;
    }

    public static boolean blocking(List<Issue> issues) {
        return issues.stream().anyMatch(i -> i.severity() == Severity.BLOCKING);
    }

    private static Set<String> numbers(String text) {
        Set<String> numbers = new TreeSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            numbers.add(m.group().replace(",", ""));
        }
        return numbers;
    }

    private static String fold(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}
