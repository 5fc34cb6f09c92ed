package jp.kakehashi.search;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.system.IdGaps;

/**
 * The outbox after a cursor as pipeline batches: the pairs the rows name (a bulletin row names all
 * its pairs) and the safe cursor once they are written. Reading stops at a short batch or at a young
 * gap: rows past a gap are applied, but the cursor stays before it, and the next catch-up reads from
 * there again, when the gap's transaction has committed or the grace period has passed.
 */
final class OutboxBatches implements IndexPipeline.Source {
    private final PairLoader loader;
    private long readAfter;
    private long safe;
    private boolean done;

    OutboxBatches(PairLoader loader, long cursor) {
        this.loader = loader;
        this.readAfter = cursor;
        this.safe = cursor;
    }

    @Override
    public Optional<IndexPipeline.Step> next() {
        if (done) {
            return Optional.empty();
        }
        List<PairLoader.OutboxRow> rows = loader.outboxAfter(readAfter, IndexPipeline.BATCH);
        if (rows.isEmpty()) {
            done = true;
            return Optional.empty();
        }
        safe = IdGaps.contiguous(safe, rows, Instant.now());
        readAfter = rows.getLast().id();
        done = rows.size() < IndexPipeline.BATCH || safe < readAfter;
        Set<Long> pairs = new LinkedHashSet<>();
        Set<Long> bulletins = new LinkedHashSet<>();
        for (PairLoader.OutboxRow r : rows) {
            (r.aggregate().equals("pair") ? pairs : bulletins).add(r.aggregateId());
        }
        pairs.addAll(loader.pairsOfBulletins(bulletins));
        return Optional.of(new IndexPipeline.Step(List.copyOf(pairs), safe));
    }
}
