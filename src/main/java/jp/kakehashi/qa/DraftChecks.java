package jp.kakehashi.qa;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.glossary.TermChecks;

/**
 * QA's one entry point: all checks on a draft, the pure text rules of {@link QaChecks} plus the
 * office's glossary. Submit refuses a draft with a blocking issue; {@link QaReview} shows the rest.
 */
@Singleton
public class DraftChecks {
    private final TermChecks terms;

    DraftChecks(TermChecks terms) {
        this.terms = terms;
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
