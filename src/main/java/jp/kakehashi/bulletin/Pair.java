package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/**
 * A paired document: one item of a bulletin, owned by one office, with its source text (in
 * {@link SourceRevision}s) and target text (in {@link TargetRevision}s). The row carries the
 * workflow state; {@code sourceRevision}/{@code targetRevision} point at the current texts.
 */
@MappedEntity("doc_pair")
public record Pair(@Id @GeneratedValue @Nullable Long id,
                   Long bulletinId,
                   int position,
                   String officeCode,
                   String sourceLang,
                   String targetLang,
                   PairStatus status,
                   @Nullable Long assigneeId,
                   @Nullable Instant leaseStartedAt,
                   @Nullable Instant leaseExpiresAt,
                   int sourceRevision,
                   int targetRevision,
                   @Nullable Integer basedOnSourceRevision,
                   @Nullable Long lastSubmitterId,
                   boolean sourceUpdated,
                   @DateCreated @Nullable Instant createdAt,
                   @DateUpdated @Nullable Instant updatedAt,
                   @Version @Nullable Long version) {
}
