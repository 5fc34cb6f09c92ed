package jp.kakehashi.qa;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.align.Aligner;
import jp.kakehashi.glossary.TermChecks;

/**
 * QA's one entry point: all checks on a draft, the pure text rules of {@link QaChecks} plus the
 * office's glossary. Submit refuses a draft with a blocking issue; {@link QaReview} shows the rest.
 */
@Singleton
public class DraftChecks {
    private final TermChecks terms;
    private final Aligner aligner;

    DraftChecks(TermChecks terms, Aligner aligner) {
        this.terms = terms;
        this.aligner = aligner;
    }

    /**
     * For each issue, the segments it points at: indexes of the alignment links (the rows of the
     * pair's segment view) whose source mentions what the issue misses; empty for whole-text issues.
     */
    public List<List<Integer>> segments(Draft d, List<QaChecks.Issue> issues) {
        List<String> sources = null;
        List<List<Integer>> result = new ArrayList<>();
        for (QaChecks.Issue i : issues) {
            if (!d.hasTarget() || !("NUMBERS".equals(i.code()) || "DATES".equals(i.code()))) {
                result.add(List.of());
                continue;
            }
            if (sources == null) {
                Aligner.Alignment a = aligner.align(d.sourceBody(), d.sourceLang(), d.targetBody(), d.targetLang(),
                        d.links());
                sources = a.links().stream().map(a::sourceOf).toList();
            }
            result.add(QaChecks.segments(i.code(), d.sourceBody(), d.targetTitle(), d.targetBody(), d.targetLang(),
                    sources));
        }
        return result;
    }

    public List<QaChecks.Issue> of(Draft d) {
        if (!d.hasTarget()) {
            return List.of();
        }
        return check(d.sourceBody(), d.targetTitle(), d.targetBody(), d.sourceLang(), d.targetLang(), d.office());
    }

    public List<QaChecks.Issue> check(String sourceBody, String targetTitle, String targetBody, String sourceLang,
                               String targetLang, String office) {
        List<QaChecks.Issue> issues = new ArrayList<>(QaChecks.check(sourceBody, targetTitle, targetBody, targetLang));
        for (TermChecks.Finding f : terms.check(sourceBody, sourceLang, targetTitle + "\n" + targetBody, targetLang,
                office)) {
            issues.add(new QaChecks.Issue(f.code(), f.blocking() ? QaChecks.Severity.BLOCKING : QaChecks.Severity.WARNING,
                    f.detail()));
        }
        return issues;
    }
}
