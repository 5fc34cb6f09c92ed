package jp.kakehashi.glossary;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One termbase entry: a Japanese term, its English equivalent, where it applies and how. */
@MappedEntity("glossary_term")
public record GlossaryTerm(@Id @GeneratedValue @Nullable Long id, String termJa, String termEn, String note,
                           String scope, Status status, @Nullable Long createdBy, Instant createdAt,
                           Instant updatedAt, @Version @Nullable Long version) {
    /** Every office. */
    public static final String ALL = "ALL";

    /** PREFERRED: use this English for this Japanese. FORBIDDEN: this English must not be used for it. */
    public enum Status { PREFERRED, FORBIDDEN }

    public boolean appliesTo(String office) {
        return ALL.equals(scope) || scope.equals(office);
    }
}
