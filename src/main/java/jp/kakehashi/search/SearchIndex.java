package jp.kakehashi.search;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.analysis.Chains;
import jp.kakehashi.system.IdGaps;
import jp.kakehashi.system.KakehashiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index under {@code <data-dir>/index}, derived from MariaDB. One indexer thread applies
 * outbox rows in id order and commits the last applied id with the analyzer hash. On start it
 * resumes from that id; a missing, unreadable or differently-analysed index is rebuilt from MariaDB
 * in a side directory (search answers 503 meanwhile) and swapped in. Deleting the directory is safe.
 */
@Singleton
public class SearchIndex implements ApplicationEventListener<ServerStartupEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private static final int BATCH = 500;
    private final PairLoader loader;
    private final SearchAnalyzers analyzers;
    private final Path path;
    private final long pollMillis;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("indexer").daemon().factory());
    private volatile IndexStore store;
    private volatile long cursor;

    SearchIndex(PairLoader loader, SearchAnalyzers analyzers, KakehashiConfig config,
                @Value("${kakehashi.search.poll-interval:200ms}") Duration poll) {
        this.loader = loader;
        this.analyzers = analyzers;
        this.path = config.getDataDir().resolve("index");
        this.pollMillis = poll.toMillis();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        thread.scheduleWithFixedDelay(this::tick, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs a search on the current searcher; 503 while the index is being (re)built. */
    public <T> T search(IndexStore.SearchFunction<T> fn) {
        return IndexStore.search(store, "The search index is being built; try again shortly", fn);
    }

    public long appliedOutboxId() {
        return store == null ? -1 : cursor;
    }

    /** Forces a rebuild now (on the indexer thread); for operators and tests. */
    public void requestRebuild() {
        thread.execute(() -> {
            closeStore();
            rebuild();
        });
    }

    private void tick() {
        try {
            if (store == null) {
                openOrRebuild();
            } else if (!store.healthy()) {
                LOG.warn("Index writer failed; reopening from the last commit");
                closeStore();
                openOrRebuild();
            }
            while (store != null && catchUp() == BATCH) {
                // keep going while there is a backlog
            }
        } catch (Exception e) {
            // The database may be down or the disk full: keep the last good searcher, retry next tick.
            LOG.warn("Indexing paused: {}", e.toString());
            if (store != null && !store.healthy()) {
                closeStore();
            }
        }
    }

    private void openOrRebuild() throws IOException {
        Optional<Map<String, String>> committed = IndexStore.committed(path);
        if (committed.isPresent() && analyzers.hash().equals(committed.get().get(IndexStore.ANALYZERS))
                && committed.get().containsKey(IndexStore.OUTBOX)) {
            store = IndexStore.open(path, analyzers.indexAnalyzer());
            cursor = Long.parseLong(committed.get().get(IndexStore.OUTBOX));
            LOG.info("Search index opened at outbox id {}", cursor);
        } else {
            LOG.info("Search index {}: rebuilding from MariaDB", committed.isEmpty() ? "missing or unreadable"
                    : "built with other analyzers");
            rebuild();
        }
    }

    private void rebuild() {
        Path side = path.resolveSibling(path.getFileName() + ".rebuild");
        try {
            IndexStore.deleteTree(side);
            long upTo = loader.lastOutboxId();
            int count = 0;
            // MariaDB reads the next batch while two threads analyse the current one (IndexWriter
            // takes documents from several threads): taking turns left the CPU half idle
            // (SearchBench at 100k pairs).
            try (IndexStore fresh = IndexStore.open(side, analyzers.indexAnalyzer());
                 ExecutorService prefetch = Executors.newSingleThreadExecutor(
                         Thread.ofPlatform().name("search-rebuild-read").daemon().factory());
                 ExecutorService analysis = Executors.newFixedThreadPool(2,
                         Thread.ofPlatform().name("search-rebuild-analyse-", 0).daemon().factory())) {
                List<Long> ids = loader.pairIdsAfter(0, BATCH);
                Future<Batch> next = ids.isEmpty() ? null : prefetch.submit(read(ids));
                while (next != null) {
                    Batch batch = next.get();
                    next = batch.ids().size() < BATCH ? null : prefetch.submit(readAfter(batch.ids().getLast()));
                    List<Future<?>> halves = new ArrayList<>();
                    for (List<Long> half : halves(batch.ids())) {
                        halves.add(analysis.submit(() -> {
                            for (Long id : half) {
                                guarded(id, () -> fresh.add(batch.docs().getOrDefault(id, List.of()),
                                        analyzers.sharing()));
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : halves) {
                        f.get();
                    }
                    count += batch.ids().size();
                }
                fresh.commit(upTo, analyzers.hash());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            IndexStore.deleteTree(path);
            Files.move(side, path);
            store = IndexStore.open(path, analyzers.indexAnalyzer());
            cursor = upTo;
            LOG.info("Search index rebuilt: {} pairs, outbox id {}", count, upTo);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Search index rebuild failed, retrying: {}", e.toString());
        }
    }

    /** Applies the next batch of outbox rows; returns how many rows it read. */
    private int catchUp() throws IOException {
        List<PairLoader.OutboxRow> rows = loader.outboxAfter(cursor, BATCH);
        if (rows.isEmpty()) {
            return 0;
        }
        Set<Long> pairs = new LinkedHashSet<>();
        Set<Long> bulletins = new LinkedHashSet<>();
        for (PairLoader.OutboxRow r : rows) {
            (r.aggregate().equals("pair") ? pairs : bulletins).add(r.aggregateId());
        }
        pairs.addAll(loader.pairsOfBulletins(bulletins));
        apply(store, List.copyOf(pairs));
        long safe = IdGaps.contiguous(cursor, rows, Instant.now());
        store.commit(safe, analyzers.hash());
        cursor = safe;
        return rows.size();
    }

    private record Batch(List<Long> ids, Map<Long, List<PairDocument>> docs) {
    }

    private static List<List<Long>> halves(List<Long> ids) {
        int mid = ids.size() / 2;
        return mid == 0 ? List.of(ids) : List.of(ids.subList(0, mid), ids.subList(mid, ids.size()));
    }

    private Callable<Batch> read(List<Long> ids) {
        return () -> new Batch(ids, loader.load(ids));
    }

    private Callable<Batch> readAfter(long after) {
        return () -> {
            List<Long> ids = loader.pairIdsAfter(after, BATCH);
            return new Batch(ids, loader.load(ids));
        };
    }

    private void apply(IndexStore target, List<Long> pairIds) throws IOException {
        write(target, pairIds, loader.load(pairIds));
    }

    private void write(IndexStore target, List<Long> pairIds, Map<Long, List<PairDocument>> docs) throws IOException {
        for (Long id : pairIds) {
            guarded(id, () -> target.replace(id, docs.getOrDefault(id, List.of()), analyzers.sharing()));
        }
    }

    private interface IndexWrite {
        void run() throws IOException;
    }

    private static void guarded(long pairId, IndexWrite write) throws IOException {
        try {
            write.run();
        } catch (IllegalArgumentException oneBadDocument) {
            // e.g. a term Lucene refuses: skip this pair, never the batch
            LOG.warn("Pair {} could not be indexed: {}", pairId, oneBadDocument.getMessage());
        }
    }

    private void closeStore() {
        IndexStore s = store;
        store = null;
        IndexStore.closeQuietly(s);
    }

    @PreDestroy
    @Override
    public void close() {
        IndexStore.stop(thread);
        closeStore();
    }
}
