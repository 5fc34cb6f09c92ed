package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.List;

/**
 * An immutable draft of a pair's target text and captions (one per source caption, in order, ''
 * for one not translated yet), tied to the source revision it translates, with the
 * sentence alignment a person gave for it ({@code links}, the judged set's notation separated by
 * spaces), or null when it is aligned automatically.
 */
@MappedEntity("target_revision")
public record TargetRevision(@Id @GeneratedValue @Nullable Long id,
                             Long pairId,
                             int revision,
                             String title,
                             String body,
                             @MappedProperty(converter = LinesConverter.class) List<String> captions,
                             int basedOnSourceRevision,
                             @Nullable Long createdBy,
                             @DateCreated @Nullable Instant createdAt,
                             @Nullable String links) {
}
