package jp.kakehashi.glossary;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
public record GlossaryTermView(long id, String termJa, String termEn, String note, String office,
                               GlossaryTerm.Status status, Instant updatedAt, long version) {
    static GlossaryTermView of(GlossaryTerm t) {
        return new GlossaryTermView(t.id(), t.termJa(), t.termEn(), t.note(), t.scope(), t.status(), t.updatedAt(),
                t.version());
    }
}
