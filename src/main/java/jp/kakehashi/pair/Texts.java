package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/**
 * Where the pair's current texts are: the source and target revisions, the source revision the
 * draft was translated from, who submitted it last, and whether the source changed substantively
 * since the released text (readers then see the released text marked "source updated").
 */
@Embeddable
public record Texts(@MappedProperty("source_revision") int sourceRevision,
                    @MappedProperty("target_revision") int targetRevision,
                    @MappedProperty("based_on_source_revision") @Nullable Integer basedOnSourceRevision,
                    @MappedProperty("last_submitter_id") @Nullable Long lastSubmitterId,
                    @MappedProperty("source_updated") boolean sourceUpdated) {

    /** A new source revision; the draft stays based on what it was. */
    public Texts withSource(int revision) {
        return new Texts(revision, targetRevision, basedOnSourceRevision, lastSubmitterId, sourceUpdated);
    }

    /** A new draft, translating the current source. */
    public Texts drafted(int revision) {
        return new Texts(sourceRevision, revision, sourceRevision, lastSubmitterId, sourceUpdated);
    }

    public Texts submittedBy(long userId) {
        return new Texts(sourceRevision, targetRevision, basedOnSourceRevision, userId, sourceUpdated);
    }

    /** An editor confirmed the source change does not affect the draft: it now translates the current source. */
    public Texts confirmed() {
        return new Texts(sourceRevision, targetRevision, targetRevision == 0 ? null : sourceRevision, lastSubmitterId,
                false);
    }

    public Texts withSourceUpdated(boolean updated) {
        return new Texts(sourceRevision, targetRevision, basedOnSourceRevision, lastSubmitterId, updated);
    }
}
