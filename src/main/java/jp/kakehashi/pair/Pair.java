package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Relation;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/**
 * A paired document: one item of a bulletin, owned by one office, with its source text (in
 * {@link SourceRevision}s) and target text (in {@link TargetRevision}s). The row carries the
 * workflow state, the {@link Lease} of whoever holds it, where its current {@link Texts} are and
 * what was {@link Released}; each of those is an embedded value in the same row, so a transition
 * names only what it changes.
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
                   @Relation(Relation.Kind.EMBEDDED) Lease lease,
                   @Relation(Relation.Kind.EMBEDDED) Texts texts,
                   @Relation(Relation.Kind.EMBEDDED) Released released,
                   @DateCreated @Nullable Instant createdAt,
                   @DateUpdated @Nullable Instant updatedAt,
                   @Version @Nullable Long version) {

    public static Pair created(long bulletinId, int position, String office, String sourceLang, PairStatus status,
                               boolean translated, @Nullable Long submitter) {
        String targetLang = "ja".equals(sourceLang) ? "en" : "ja";
        return new Pair(null, bulletinId, position, office, sourceLang, targetLang, status, null, Lease.NONE,
                new Texts(1, translated ? 1 : 0, translated ? 1 : null, submitter, false), Released.NONE, null, null,
                null);
    }

    public Pair withStatus(PairStatus to, @Nullable PairStatus previous) {
        return new Pair(id, bulletinId, position, officeCode, sourceLang, targetLang, to, previous, lease, texts,
                released, createdAt, updatedAt, version);
    }

    public Pair withLease(Lease to) {
        return new Pair(id, bulletinId, position, officeCode, sourceLang, targetLang, status, previousStatus, to, texts,
                released, createdAt, updatedAt, version);
    }

    public Pair withTexts(Texts to) {
        return new Pair(id, bulletinId, position, officeCode, sourceLang, targetLang, status, previousStatus, lease, to,
                released, createdAt, updatedAt, version);
    }

    public Pair withReleased(Released to) {
        return new Pair(id, bulletinId, position, officeCode, sourceLang, targetLang, status, previousStatus, lease,
                texts, to, createdAt, updatedAt, version);
    }

    // The texts' and lease's fields are read everywhere; these keep those reads one call long.

    public @Nullable Long assigneeId() {
        return lease.assigneeId();
    }

    public @Nullable Instant leaseExpiresAt() {
        return lease.expiresAt();
    }

    public int sourceRevision() {
        return texts.sourceRevision();
    }

    public int targetRevision() {
        return texts.targetRevision();
    }

    public @Nullable Integer basedOnSourceRevision() {
        return texts.basedOnSourceRevision();
    }

    public @Nullable Long lastSubmitterId() {
        return texts.lastSubmitterId();
    }

    public boolean sourceUpdated() {
        return texts.sourceUpdated();
    }

    public boolean leaseActive(Instant now) {
        return lease.activeAt(now);
    }
}
