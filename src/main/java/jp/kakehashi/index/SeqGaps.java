package jp.kakehashi.index;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Following a table by {@code seq}. Seqs are dense and become visible in order ({@link
 * CommitOrder}), so a gap after a follower's cursor should never be seen; should one be (rows
 * deleted by hand, or a numbering becoming visible out of order on some engine), the follower stops
 * before it until the row after it is older than the grace period, then passes it rather than stall
 * for good. Rows after a gap are applied now and again later, which followers make harmless by
 * replacing, never appending.
 */
public final class SeqGaps {
    /** A gap this long behind the row after it is not going to fill. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private SeqGaps() {
    }

    public interface Row {
        long seq();

        /** When the row was written, by the writer's clock. */
        Instant writtenAt();
    }

    /** The highest seq up to which no row can still appear. */
    public static long contiguous(long cursor, List<? extends Row> rows, Instant now) {
        long safe = cursor;
        for (Row r : rows) {
            if (r.seq() != safe + 1 && Duration.between(r.writtenAt(), now).compareTo(GRACE) < 0) {
                break;
            }
            safe = r.seq();
        }
        return safe;
    }
}
