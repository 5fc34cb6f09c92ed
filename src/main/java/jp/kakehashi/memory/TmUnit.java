package jp.kakehashi.memory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/**
 * One unit of the translation memory: a source sentence, its approved translation, the keys that
 * find it again, and where it came from (origin APPROVED with the pair, or TMX). Its {@code seq}
 * (commit order, for the index) is given after it is committed.
 */
@MappedEntity("tm_unit")
public record TmUnit(@Id @GeneratedValue @Nullable Long id,
                     String sourceLang,
                     String targetLang,
                     String sourceText,
                     String targetText,
                     String sourceKey,
                     String targetKey,
                     String contextKey,
                     @Nullable String officeCode,
                     @Nullable Long pairId,
                     Origin origin,
                     String translatedBy,
                     String addedBy,
                     Instant createdAt,
                     Instant updatedAt,
                     @Nullable Long seq,
                     @Version @Nullable Long version) {

    public enum Origin { APPROVED, TMX }

    /** The side written in {@code lang}. */
    String side(String lang) {
        return sourceLang.equals(lang) ? sourceText : targetText;
    }

    /** The exact-match key of the side written in {@code lang}. */
    String key(String lang) {
        return sourceLang.equals(lang) ? sourceKey : targetKey;
    }

    /** The other side. */
    String otherSide(String lang) {
        return sourceLang.equals(lang) ? targetText : sourceText;
    }

    String otherLang(String lang) {
        return sourceLang.equals(lang) ? targetLang : sourceLang;
    }
}
