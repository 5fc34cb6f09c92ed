package jp.kakehashi.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills an empty index with every pair in MariaDB. Two connections read the next batches while two
 * threads analyse the ones read, in small chunks, a batch's chunks overlapping the previous batch's
 * (IndexWriter takes documents from several threads). Taking turns left the CPU half idle; with one
 * batch read ahead and a barrier per batch, a 100k rebuild still waited 33 s of 114 for MariaDB
 * (SearchBench, 2026-12-02).
 */
final class RebuildPipeline {
    static final int BATCH = 500;
    private static final int READ_AHEAD = 3;
    private static final int CHUNK = 50;
    private final PairLoader loader;
    private final SearchAnalyzers analyzers;

    RebuildPipeline(PairLoader loader, SearchAnalyzers analyzers) {
        this.loader = loader;
        this.analyzers = analyzers;
    }

    /** How many pairs went in, and how long the analysis stood waiting for a read. */
    record Filled(int pairs, long waitedNanos) {
    }

    private record Batch(List<Long> ids, Map<Long, List<PairDocument>> docs) {
    }

    Filled fill(IndexStore fresh) throws IOException {
        int count = 0;
        long waited = 0;
        try (ExecutorService readers = Executors.newFixedThreadPool(2,
                Thread.ofPlatform().name("search-rebuild-read-", 0).daemon().factory());
             ExecutorService analysis = Executors.newFixedThreadPool(2,
                     Thread.ofPlatform().name("search-rebuild-analyse-", 0).daemon().factory())) {
            Deque<Future<Batch>> reads = new ArrayDeque<>();
            List<Future<?>> previous = List.of();
            List<Long> ids = loader.pairIdsAfter(0, BATCH);
            while (true) {
                while (!ids.isEmpty() && reads.size() < READ_AHEAD) {
                    List<Long> batchIds = ids;
                    reads.add(readers.submit(() -> new Batch(batchIds, loader.load(batchIds))));
                    ids = batchIds.size() < BATCH ? List.of() : loader.pairIdsAfter(batchIds.getLast(), BATCH);
                }
                if (reads.isEmpty()) {
                    break;
                }
                long asked = System.nanoTime();
                Batch batch = reads.poll().get();
                waited += System.nanoTime() - asked;
                List<Future<?>> current = new ArrayList<>();
                for (int from = 0; from < batch.ids().size(); from += CHUNK) {
                    List<Long> chunk = batch.ids().subList(from, Math.min(batch.ids().size(), from + CHUNK));
                    current.add(analysis.submit(() -> {
                        for (Long id : chunk) {
                            SearchIndex.guarded(id, () -> fresh.add(batch.docs().getOrDefault(id, List.of()),
                                    analyzers.sharing()));
                        }
                        return null;
                    }));
                }
                awaitAll(previous);
                previous = current;
                count += batch.ids().size();
            }
            awaitAll(previous);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return new Filled(count, waited);
    }

    private static void awaitAll(List<Future<?>> futures) throws InterruptedException, ExecutionException {
        for (Future<?> f : futures) {
            f.get();
        }
    }
}
