package jp.kakehashi.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.kakehashi.index.IndexStore;

/**
 * Writes batches of pairs into an index: the full rebuild and the outbox catch-up both run here.
 * Two connections read the next batches while two threads analyse the ones read, in small chunks,
 * a batch's chunks overlapping the previous batch's when they share no pair (IndexWriter takes
 * documents from several threads). Reading and analysing by turns leaves the CPU idle while MariaDB
 * answers, and a barrier per batch leaves it idle at every batch's end; the catch-up is the rebuild's
 * loop so it keeps the rebuild's rate (the figures that led here: src/bench/RESULTS.md, "Moved
 * from code comments").
 */
final class IndexPipeline implements AutoCloseable {
    static final int BATCH = 500;
    private static final int READ_AHEAD = 3;
    private static final int CHUNK = 50;
    private final PairLoader loader;
    private final ExecutorService readers = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("search-index-read-", 0).daemon().factory());
    private final ExecutorService analysis = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("search-index-analyse-", 0).daemon().factory());

    IndexPipeline(PairLoader loader) {
        this.loader = loader;
    }

    /** The pairs of one batch, and the position the index reaches once they are written. */
    record Step(List<Long> pairIds, long position) {
    }

    /** The next batches, in order; called on the caller's thread only. Empty: nothing more for now. */
    interface Source {
        Optional<Step> next();
    }

    /** Writes one pair's documents (none: the pair is gone); called from the analysis threads. */
    interface Write {
        void apply(long pairId, List<PairDocument> docs) throws IOException;
    }

    /** Told, in order on the caller's thread, that every batch up to this position is written. */
    interface Applied {
        void upTo(long position) throws IOException;
    }

    /** How many pairs went in, the last position written, how long analysis stood waiting for a read. */
    record Filled(int pairs, long position, long waitedNanos) {
    }

    private record Batch(Step step, Map<Long, List<PairDocument>> docs) {
    }

    private record InFlight(Step step, List<Future<?>> writes) {
    }

    Filled run(long from, Source source, Write write, Applied applied) throws IOException {
        int count = 0;
        long waited = 0;
        long position = from;
        Deque<Future<Batch>> reads = new ArrayDeque<>();
        InFlight previous = null;
        InFlight current = null;
        boolean more = true;
        try {
            while (true) {
                while (more && reads.size() < READ_AHEAD) {
                    Optional<Step> next = source.next();
                    more = next.isPresent();
                    next.ifPresent(s -> reads.add(readers.submit(() -> new Batch(s, loader.load(s.pairIds())))));
                }
                if (reads.isEmpty()) {
                    break;
                }
                long asked = System.nanoTime();
                Batch batch = reads.poll().get();
                waited += System.nanoTime() - asked;
                if (previous != null
                        && !Collections.disjoint(new HashSet<>(previous.step().pairIds()), batch.step().pairIds())) {
                    // The same pair in both: its later version must not race its earlier one.
                    finish(previous, applied);
                    previous = null;
                }
                current = new InFlight(batch.step(), submit(batch, write));
                finish(previous, applied);
                previous = current;
                count += batch.step().pairIds().size();
            }
            finish(previous, applied);
            position = previous == null ? from : previous.step().position();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            // A failed batch leaves no write running behind it: the next run may write the same pairs.
            quietlyAwait(previous);
            quietlyAwait(current);
            reads.forEach(r -> r.cancel(false));
        }
        return new Filled(count, position, waited);
    }

    private List<Future<?>> submit(Batch batch, Write write) {
        List<Long> ids = batch.step().pairIds();
        List<Future<?>> writes = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            writes.add(analysis.submit(() -> {
                for (Long id : chunk) {
                    SearchIndex.guarded(id, () -> write.apply(id, batch.docs().getOrDefault(id, List.of())));
                }
                return null;
            }));
        }
        return writes;
    }

    private static void finish(InFlight batch, Applied applied)
            throws InterruptedException, ExecutionException, IOException {
        if (batch == null) {
            return;
        }
        for (Future<?> f : batch.writes()) {
            f.get();
        }
        applied.upTo(batch.step().position());
    }

    private static void quietlyAwait(InFlight batch) {
        if (batch == null) {
            return;
        }
        for (Future<?> f : batch.writes()) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException ignored) {
                // the first failure is the one reported
            }
        }
    }

    /** A full rebuild's batches: every pair by ascending id. */
    Source allPairs() {
        return new Source() {
            private long after;
            private boolean done;

            @Override
            public Optional<Step> next() {
                if (done) {
                    return Optional.empty();
                }
                List<Long> ids = loader.pairIdsAfter(after, BATCH);
                done = ids.size() < BATCH;
                if (ids.isEmpty()) {
                    return Optional.empty();
                }
                after = ids.getLast();
                return Optional.of(new Step(ids, after));
            }
        };
    }

    @Override
    public void close() {
        IndexStore.stop(readers);
        IndexStore.stop(analysis);
    }
}
