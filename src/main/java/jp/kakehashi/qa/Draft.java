package jp.kakehashi.qa;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What QA reads of a pair: its current source and draft (with the alignment a person gave for it,
 * if any), the office whose glossary applies, and where an acknowledgement is filed. The pair's own
 * package builds it; QA never loads a pair.
 */
public record Draft(long pairId, long bulletinId, String office, String status, String sourceBody,
                    String sourceLang, @Nullable String targetTitle, @Nullable String targetBody, String targetLang,
                    int targetRevision, @Nullable List<String> links) {
    boolean hasTarget() {
        return targetTitle != null && targetBody != null;
    }
}
