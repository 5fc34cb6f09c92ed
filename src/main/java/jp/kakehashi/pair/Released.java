package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The revisions readers see, once the pair's bulletin was released; {@link #NONE} before. */
@Embeddable
public record Released(@MappedProperty("released_source_revision") @Nullable Integer sourceRevision,
                       @MappedProperty("released_target_revision") @Nullable Integer targetRevision) {
    public static final Released NONE = new Released(null, null);
}
