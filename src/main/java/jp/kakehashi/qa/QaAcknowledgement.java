package jp.kakehashi.qa;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** An editor's judgement that a QA warning on a pair is intended, and why. */
@MappedEntity("qa_acknowledgement")
public record QaAcknowledgement(@Id @GeneratedValue @Nullable Long id, long pairId, String code, String detailKey,
                                String detail, String reason, long acknowledgedBy, int targetRevision,
                                Instant createdAt, @Version @Nullable Long version) {
}
