package jp.kakehashi.search;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.index.SeqGaps;

/**
 * The outbox after a cursor as pipeline batches: the pairs the rows name (a bulletin row names all
 * its pairs) and the safe cursor once they are written. Reading stops at a short batch or at a gap in
 * the seqs ({@link SeqGaps}): rows past it are applied, but the cursor stays before it. A full
 * batch ends at its last bulletin row ({@link #throughLastBulletin}).
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
        List<PairLoader.OutboxRow> read = loader.outboxAfter(readAfter, IndexPipeline.BATCH);
        if (read.isEmpty()) {
            done = true;
            return Optional.empty();
        }
        List<PairLoader.OutboxRow> rows = read.size() < IndexPipeline.BATCH ? read : throughLastBulletin(read);
        safe = SeqGaps.contiguous(safe, rows, Instant.now());
        readAfter = rows.getLast().seq();
        done = read.size() < IndexPipeline.BATCH || safe < readAfter;
        Set<Long> pairs = new LinkedHashSet<>();
        Set<Long> bulletins = new LinkedHashSet<>();
        for (PairLoader.OutboxRow r : rows) {
            (r.aggregate().equals("pair") ? pairs : bulletins).add(r.aggregateId());
        }
        pairs.addAll(loader.pairsOfBulletins(bulletins));
        return Optional.of(new IndexPipeline.Step(List.copyOf(pairs), safe));
    }

    /**
     * A full batch ends at its last bulletin row; the pair rows after it go to the next batch. A
     * bulletin written in one transaction leaves its pairs' rows and then its own row, which names
     * them all again: a batch cut between them had the next batch analyse those pairs a second time
     * and wait for the batch before it (they share pairs), about a fifth of a 100k import's replay
     * (bulletins of 200 pairs, batches of 500 rows). Ending a batch anywhere is safe, since the
     * rows after it are read again; a batch without a bulletin row is taken whole.
     */
    private static List<PairLoader.OutboxRow> throughLastBulletin(List<PairLoader.OutboxRow> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!rows.get(i).aggregate().equals("pair")) {
                return rows.subList(0, i + 1);
            }
        }
        return rows;
    }
}
