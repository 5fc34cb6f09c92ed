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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
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
    private static final int BATCH = RebuildPipeline.BATCH;
    private final PairLoader loader;
    private final SearchAnalyzers analyzers;
    private final Path path;
    private final long pollMillis;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("indexer").daemon().factory());
    private volatile IndexStore store;
    private volatile long cursor;
    private volatile Rebuild lastRebuild;

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
            long start = System.nanoTime();
            RebuildPipeline.Filled filled;
            try (IndexStore fresh = IndexStore.open(side, analyzers.indexAnalyzer())) {
                filled = new RebuildPipeline(loader, analyzers).fill(fresh);
                fresh.commit(upTo, analyzers.hash());
            }
            IndexStore.deleteTree(path);
            Files.move(side, path);
            store = IndexStore.open(path, analyzers.indexAnalyzer());
            cursor = upTo;
            lastRebuild = new Rebuild(filled.pairs(), (System.nanoTime() - start) / 1e9, filled.waitedNanos() / 1e9);
            LOG.info("Search index rebuilt: {} pairs, outbox id {}, in {} s ({} s of it waiting for MariaDB)",
                    filled.pairs(), upTo, Math.round(lastRebuild.seconds()),
                    Math.round(lastRebuild.waitingForDatabase()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Search index rebuild failed, retrying: {}", e.toString());
        }
    }

    /** The last full rebuild: how long it took and how much of that the analysis waited for a read. */
    public record Rebuild(int pairs, double seconds, double waitingForDatabase) {
    }

    public Optional<Rebuild> lastRebuild() {
        return Optional.ofNullable(lastRebuild);
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

    private void apply(IndexStore target, List<Long> pairIds) throws IOException {
        write(target, pairIds, loader.load(pairIds));
    }

    private void write(IndexStore target, List<Long> pairIds, Map<Long, List<PairDocument>> docs) throws IOException {
        for (Long id : pairIds) {
            guarded(id, () -> target.replace(id, docs.getOrDefault(id, List.of()), analyzers.sharing()));
        }
    }

    interface IndexWrite {
        void run() throws IOException;
    }

    /** Runs one pair's write; a pair Lucene refuses is logged and skipped (the rebuild uses this too). */
    static void guarded(long pairId, IndexWrite write) throws IOException {
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
