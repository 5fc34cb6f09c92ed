package jp.kakehashi.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** "Aggregate X changed": the index re-reads the aggregate from MariaDB when it applies this row. */
@MappedEntity("outbox_event")
public record OutboxEvent(@Id @GeneratedValue @Nullable Long id,
                          String aggregateType,
                          Long aggregateId,
                          String kind,
                          @DateCreated @Nullable Instant createdAt) {
    public static final String PAIR = "pair";
    public static final String BULLETIN = "bulletin";
}
