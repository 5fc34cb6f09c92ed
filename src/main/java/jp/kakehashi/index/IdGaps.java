package jp.kakehashi.index;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Following a table by its AUTO_INCREMENT id (outbox → search index, units → memory index). Ids are
 * assigned at insert but rows become visible at commit, so a gap may be a transaction still
 * committing: a follower stops its cursor before a gap unless the row after it is older than the
 * grace period (then the gap was a rollback, or an id an upsert used up). Rows after a young gap are
 * applied now and again later, which followers make harmless by replacing, never appending.
 */
public final class IdGaps {
    /** A gap older than this is a rolled-back transaction, not one still committing. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private IdGaps() {
    }

    public interface Row {
        long id();

        /** When the row was written, by the writer's clock. */
        Instant writtenAt();
    }

    /** The highest id up to which no row can still appear. */
    public static long contiguous(long cursor, List<? extends Row> rows, Instant now) {
        long safe = cursor;
        for (Row r : rows) {
            if (r.id() != safe + 1 && Duration.between(r.writtenAt(), now).compareTo(GRACE) < 0) {
                break;
            }
            safe = r.id();
        }
        return safe;
    }
}
