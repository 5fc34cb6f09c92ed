package jp.kakehashi.workflow;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.bulletin.PairView;
import jp.kakehashi.glossary.TermChecks;

/** All QA on a draft: the pure text rules of {@link QaChecks} plus the office's glossary. */
@Singleton
public class DraftChecks {
    private final TermChecks terms;

    DraftChecks(TermChecks terms) {
        this.terms = terms;
    }

    public List<QaChecks.Issue> of(PairView pair) {
        if (pair.target() == null) {
            return List.of();
        }
        return check(pair.source().body(), pair.target().title(), pair.target().body(), pair.sourceLang(),
                pair.targetLang(), pair.office());
    }

    List<QaChecks.Issue> check(String sourceBody, String targetTitle, String targetBody, String sourceLang,
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
