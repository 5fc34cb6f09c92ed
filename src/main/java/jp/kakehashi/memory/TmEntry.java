package jp.kakehashi.memory;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A unit to remember, before it has an id: from an approved pair or a TMX file. The context key is
 * {@link Similarity#contextKey} of the sentences around the source, or the one a TMX file carries.
 */
public record TmEntry(String sourceLang, String targetLang, String source, String target,
                      String contextKey, @Nullable String office,
                      @Nullable Long pairId, TmUnit.Origin origin, String translatedBy, String addedBy,
                      Instant createdAt) {
    /** Longer sentences are not worth remembering: nobody retranslates a paragraph-long sentence verbatim. */
    public static final int MAX_TEXT = 2000;
    public static final int MAX_NAME = 100;

    public boolean usable() {
        return !source.isBlank() && !target.isBlank() && source.length() <= MAX_TEXT && target.length() <= MAX_TEXT
                && !sourceLang.equals(targetLang);
    }
}
