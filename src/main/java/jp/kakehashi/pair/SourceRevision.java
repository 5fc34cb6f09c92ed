package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.List;

/** An immutable revision of a pair's source text. */
@MappedEntity("source_revision")
public record SourceRevision(@Id @GeneratedValue @Nullable Long id,
                             Long pairId,
                             int revision,
                             String title,
                             @Nullable String dateline,
                             String body,
                             @MappedProperty(converter = LinesConverter.class) List<String> captions,
                             @MappedProperty(converter = LinesConverter.class) List<String> images,
                             ChangeKind changeKind,
                             @Nullable Long createdBy,
                             @DateCreated @Nullable Instant createdAt) {

    public enum ChangeKind { INITIAL, TYPO, SUBSTANTIVE }
}
