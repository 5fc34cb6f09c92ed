package jp.kakehashi.memory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A unit as seen from one language: {@code source} is the side in the language asked about, whatever
 * direction it was translated in. Provenance: the office and pair it was approved in (none for TMX),
 * who translated it, who approved or imported it, when it was first and last remembered.
 */
@Serdeable
public record TmUnitView(long id, String sourceLang, String source, String targetLang, String target,
                         @Nullable String office, @Nullable Long pairId, TmUnit.Origin origin,
                         String translatedBy, String addedBy, Instant createdAt, Instant updatedAt) {
    static TmUnitView of(TmUnit u, String lang) {
        return new TmUnitView(u.id(), lang, u.side(lang), u.otherLang(lang), u.otherSide(lang), u.officeCode(),
                u.pairId(), u.origin(), u.translatedBy(), u.addedBy(), u.createdAt(), u.updatedAt());
    }
}
