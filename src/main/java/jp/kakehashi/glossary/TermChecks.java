package jp.kakehashi.glossary;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The glossary's part of QA: a preferred term found in the source whose equivalent is missing from
 * the translation (a warning: the sentence may have been rephrased), and a forbidden term used in
 * the translation (blocking: the office decided it must not appear).
 */
@Singleton
public class TermChecks {
    private final TermIndex index;

    TermChecks(TermIndex index) {
        this.index = index;
    }

    /** One finding; the caller turns it into its own QA issue type. */
    public record Finding(String code, boolean blocking, String detail) {
    }

    public List<Finding> check(String source, String sourceLang, String target, String targetLang, String office) {
        List<Finding> findings = new ArrayList<>();
        if (target == null || target.isBlank()) {
            return findings;
        }
        TermMatcher.Tokens src = index.matcher().tokens(source, sourceLang);
        TermMatcher.Tokens tgt = index.matcher().tokens(target, targetLang);
        Set<String> missing = new LinkedHashSet<>();
        Set<String> forbidden = new LinkedHashSet<>();
        for (TermIndex.Compiled c : index.compiled()) {
            if (!c.term().appliesTo(office)) {
                continue;
            }
            boolean inSource = src.contains(c.side(sourceLang));
            if (c.term().status() == GlossaryTerm.Status.PREFERRED && inSource && !tgt.contains(c.side(targetLang))
                    && !otherPreferredUsed(c, sourceLang, targetLang, tgt, office)) {
                missing.add(label(c, sourceLang, targetLang));
            }
            if (c.term().status() == GlossaryTerm.Status.FORBIDDEN && tgt.contains(c.side(targetLang))) {
                forbidden.add(label(c, sourceLang, targetLang));
            }
        }
        if (!missing.isEmpty()) {
            findings.add(new Finding("TERM_MISSING", false, "Glossary terms not used: " + String.join("; ", missing)));
        }
        if (!forbidden.isEmpty()) {
            findings.add(new Finding("TERM_FORBIDDEN", true, "Forbidden terms used: " + String.join("; ", forbidden)));
        }
        return findings;
    }

    /** A term with two preferred equivalents is satisfied by either. */
    private boolean otherPreferredUsed(TermIndex.Compiled c, String sourceLang, String targetLang,
                                       TermMatcher.Tokens tgt, String office) {
        for (TermIndex.Compiled other : index.compiled()) {
            if (other != c && other.term().status() == GlossaryTerm.Status.PREFERRED && other.term().appliesTo(office)
                    && other.side(sourceLang).equals(c.side(sourceLang)) && tgt.contains(other.side(targetLang))) {
                return true;
            }
        }
        return false;
    }

    private static String label(TermIndex.Compiled c, String sourceLang, String targetLang) {
        String ja = c.term().termJa();
        String en = c.term().termEn();
        return "ja".equals(sourceLang) ? ja + " → " + en : en + " → " + ja;
    }
}
