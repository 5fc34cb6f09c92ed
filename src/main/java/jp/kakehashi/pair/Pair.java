package jp.kakehashi.pair;

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
 * workflow state; {@code sourceRevision}/{@code targetRevision} point at the current texts and
 * {@code released…Revision} at the texts readers see.
 */
@MappedEntity("doc_pair")
public record Pair(@Id @GeneratedValue @Nullable Long id,
                   Long bulletinId,
                   int position,
                   String officeCode,
                   String sourceLang,
                   String targetLang,
                   PairStatus status,
                   @Nullable PairStatus previousStatus,
                   @Nullable Long assigneeId,
                   @Nullable Instant leaseStartedAt,
                   @Nullable Instant leaseExpiresAt,
                   int sourceRevision,
                   int targetRevision,
                   @Nullable Integer basedOnSourceRevision,
                   @Nullable Long lastSubmitterId,
                   boolean sourceUpdated,
                   @Nullable Integer releasedSourceRevision,
                   @Nullable Integer releasedTargetRevision,
                   @DateCreated @Nullable Instant createdAt,
                   @DateUpdated @Nullable Instant updatedAt,
                   @Version @Nullable Long version) {

    public static Pair created(long bulletinId, int position, String office, String sourceLang, PairStatus status,
                               boolean translated, @Nullable Long submitter) {
        String targetLang = "ja".equals(sourceLang) ? "en" : "ja";
        return new Pair(null, bulletinId, position, office, sourceLang, targetLang, status, null, null, null, null,
                1, translated ? 1 : 0, translated ? 1 : null, submitter, false, null, null, null, null, null);
    }

    public Pair withStatus(PairStatus to, @Nullable PairStatus previous) {
        return new Pair(id, bulletinId, position, officeCode, sourceLang, targetLang, to, previous, assigneeId,
                leaseStartedAt, leaseExpiresAt, sourceRevision, targetRevision, basedOnSourceRevision,
                lastSubmitterId, sourceUpdated, releasedSourceRevision, releasedTargetRevision, createdAt, updatedAt,
                version);
    }

    public Pair withLease(@Nullable Long holder, @Nullable Instant started, @Nullable Instant expires) {
        return new Pair(id, bulletinId, position, officeCode, sourceLang, targetLang, status, previousStatus, holder,
                started, expires, sourceRevision, targetRevision, basedOnSourceRevision, lastSubmitterId,
                sourceUpdated, releasedSourceRevision, releasedTargetRevision, createdAt, updatedAt, version);
    }

    public Pair withTexts(int source, int target, @Nullable Integer basedOn, @Nullable Long submitter,
                          boolean updated) {
        return new Pair(id, bulletinId, position, officeCode, sourceLang, targetLang, status, previousStatus,
                assigneeId, leaseStartedAt, leaseExpiresAt, source, target, basedOn, submitter, updated,
                releasedSourceRevision, releasedTargetRevision, createdAt, updatedAt, version);
    }

    public Pair withReleased(@Nullable Integer source, @Nullable Integer target) {
        return new Pair(id, bulletinId, position, officeCode, sourceLang, targetLang, status, previousStatus,
                assigneeId, leaseStartedAt, leaseExpiresAt, sourceRevision, targetRevision, basedOnSourceRevision,
                lastSubmitterId, sourceUpdated, source, target, createdAt, updatedAt, version);
    }

    public boolean leaseActive(Instant now) {
        return assigneeId != null && leaseExpiresAt != null && leaseExpiresAt.isAfter(now);
    }
}
