package jp.kakehashi.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** One piece of long work as stored: what, whose, where it runs, how far, and how it ended. */
@MappedEntity("job")
public record Job(@Id @GeneratedValue @Nullable Long id, Kind kind, State state, String startedBy, String instance,
                  @Nullable Long total, long done, @Nullable String errorCode, @Nullable String errorDetail,
                  @Nullable String result, Instant createdAt, @Nullable Instant startedAt, Instant updatedAt,
                  @Nullable Instant finishedAt, @Version @Nullable Long version) {

    public enum Kind { TMX_IMPORT, TBX_IMPORT, SEARCH_REBUILD, MEMORY_REBUILD }

    /** QUEUED and RUNNING are live; the others are final. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        public boolean live() {
            return this == QUEUED || this == RUNNING;
        }
    }
}
