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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.analysis.Chains;
import jp.kakehashi.system.KakehashiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index under {@code <data-dir>/index}, derived from MariaDB. One indexer thread follows
 * the outbox in id order and commits the last applied id with the analyzer hash; the pairs of a
 * batch are read and analysed by the {@link IndexPipeline}'s threads, each pair from its current
 * rows, so their order within a batch does not matter. On start it
 * resumes from that id; a missing, unreadable or differently-analysed index is rebuilt from MariaDB
 * in a side directory (search answers 503 meanwhile) and swapped in. Deleting the directory is safe.
 */
@Singleton
public class SearchIndex implements ApplicationEventListener<ServerStartupEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private final PairLoader loader;
    private final IndexPipeline pipeline;
    private final SearchAnalyzers analyzers;
    private final Path path;
    private final long pollMillis;
    private final long backlogCommitNanos;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("indexer").daemon().factory());
    private volatile IndexStore store;
    private volatile long cursor;
    private volatile Rebuild lastRebuild;

    SearchIndex(PairLoader loader, SearchAnalyzers analyzers, KakehashiConfig config,
                @Value("${kakehashi.search.poll-interval:200ms}") Duration poll,
                @Value("${kakehashi.search.backlog-commit-interval:1s}") Duration backlogCommit) {
        this.loader = loader;
        this.pipeline = new IndexPipeline(loader);
        this.analyzers = analyzers;
        this.path = config.getDataDir().resolve("index");
        this.pollMillis = poll.toMillis();
        this.backlogCommitNanos = backlogCommit.toNanos();
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
            if (store != null) {
                catchUp(store);
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
            IndexPipeline.Filled filled;
            try (IndexStore fresh = IndexStore.open(side, analyzers.indexAnalyzer())) {
                filled = pipeline.run(0, pipeline.allPairs(), (id, docs) -> fresh.add(docs, analyzers.sharing()),
                        position -> { });
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

    /** Applies the outbox after the cursor, all of it unless it stops at a young gap. */
    private void catchUp(IndexStore target) throws IOException {
        Commits commits = new Commits(target);
        IndexPipeline.Filled filled = pipeline.run(cursor, new OutboxBatches(loader, cursor),
                (id, docs) -> target.replace(id, docs, analyzers.sharing()), commits);
        if (commits.pending) {
            commits.commit(filled.position());
        }
    }

    /**
     * Commits the catch-up's position (an fsync and a searcher refresh) at most every backlog commit
     * interval while batches keep coming, and once more at the end; the cursor only ever names a
     * commit. Committing each batch of 500 cut a 100k backlog into 200 small segments to merge; a
     * second of lag is nothing to a reader, and a crash replays at most that much.
     */
    private final class Commits implements IndexPipeline.Applied {
        private final IndexStore target;
        private long at = System.nanoTime();
        private boolean pending;

        Commits(IndexStore target) {
            this.target = target;
        }

        @Override
        public void upTo(long position) throws IOException {
            pending = true;
            if (System.nanoTime() - at >= backlogCommitNanos) {
                commit(position);
            }
        }

        void commit(long position) throws IOException {
            target.commit(position, analyzers.hash());
            cursor = position;
            at = System.nanoTime();
            pending = false;
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
        pipeline.close();
        closeStore();
    }
}
