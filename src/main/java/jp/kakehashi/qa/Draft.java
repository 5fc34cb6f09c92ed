package jp.kakehashi.qa;

import io.micronaut.core.annotation.Nullable;

/**
 * What QA reads of a pair: its current source and draft, the office whose glossary applies, and
 * where an acknowledgement is filed. The pair's own package builds it; QA never loads a pair.
 */
public record Draft(long pairId, long bulletinId, String office, String status, String sourceBody,
                    String sourceLang, @Nullable String targetTitle, @Nullable String targetBody, String targetLang,
                    int targetRevision) {
    boolean hasTarget() {
        return targetTitle != null && targetBody != null;
    }
}
