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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.system.IdGaps;
import jp.kakehashi.system.KakehashiConfig;
import jp.kakehashi.system.PauseLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index under {@code <data-dir>/index}, derived from MariaDB. One indexer thread follows
 * the outbox in id order and commits the last applied id with the analyzer hash; the pairs of a
 * batch are read and analysed by the {@link IndexPipeline}'s threads, each pair from its current
 * rows, so their order within a batch does not matter. On start it
 * resumes from that id; a missing, unreadable or differently-analysed index is rebuilt from MariaDB
 * in a side directory (search answers 503 meanwhile) and swapped in, as is one whose cursor fell
 * behind the outbox's pruning horizon or lies past its last id (a database restored from an older
 * backup). Deleting the directory is safe.
 */
@Singleton
public class SearchIndex implements ApplicationEventListener<ServerStartupEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private final PauseLog pauses = new PauseLog(LOG, "Indexing");
    private final PairLoader loader;
    private final IndexPipeline pipeline;
    private final SearchAnalyzers analyzers;
    private final Path path;
    private final long pollMillis;
    private final long commitNanos;
    private final long backlogCommitNanos;
    private final int mergeAfterPairs;
    private final long mergeQuietNanos;
    /** Pairs written since the index was last merged into one segment (or opened), and when the last was. */
    private long changedSinceMerge;
    private long lastChangeNanos = System.nanoTime();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("indexer").daemon().factory());
    private volatile IndexStore store;
    /** The outbox id up to which the index is searchable. */
    private volatile long cursor;
    /** The outbox id of the last commit, and when it was made. */
    private final CommitClock commits = new CommitClock();
    private volatile Rebuild lastRebuild;
    /** Set on close: a catch-up reads no further batch and ends with what it has read. */
    private volatile boolean closing;

    SearchIndex(PairLoader loader, SearchAnalyzers analyzers, KakehashiConfig config,
                @Value("${kakehashi.search.poll-interval:200ms}") Duration poll,
                @Value("${kakehashi.search.commit-interval:1s}") Duration commitInterval,
                @Value("${kakehashi.search.backlog-commit-interval:10s}") Duration backlogCommitInterval,
                @Value("${kakehashi.search.merge-after-pairs:10000}") int mergeAfterPairs,
                @Value("${kakehashi.search.merge-quiet:10s}") Duration mergeQuiet) {
        this.loader = loader;
        this.pipeline = new IndexPipeline(loader);
        this.analyzers = analyzers;
        this.path = config.getDataDir().resolve("index");
        this.pollMillis = poll.toMillis();
        this.commitNanos = commitInterval.toNanos();
        this.backlogCommitNanos = backlogCommitInterval.toNanos();
        this.mergeAfterPairs = mergeAfterPairs;
        this.mergeQuietNanos = mergeQuiet.toNanos();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        thread.scheduleWithFixedDelay(this::tick, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs a search on the current searcher; 503 while the index is being (re)built. */
    public <T> T search(IndexStore.SearchFunction<T> fn) {
        return IndexStore.search(store, "The search index is being built; try again shortly", fn);
    }

    /** The store searched and written now, if open (tests reach its writer through it). */
    Optional<IndexStore> currentStore() {
        return Optional.ofNullable(store);
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
                long from = cursor;
                PairLoader.OutboxBounds bounds = loader.outboxBounds();
                pauses.succeeded();
                if (from < bounds.prunedThrough()) {
                    rebuildBecause("is behind the pruned outbox", from);
                    return;
                }
                if (from > bounds.last()) {
                    rebuildBecause("is ahead of the database's outbox (last id " + bounds.last()
                            + "; restored from an earlier backup?)", from);
                    return;
                }
                catchUp(store);
                if (from < loader.outboxBounds().prunedThrough()) {
                    // pruned while this catch-up read: what it applied may have missed rows
                    rebuildBecause("is behind the pruned outbox", from);
                    return;
                }
                mergeWhenQuiet(store);
            }
        } catch (Exception e) {
            // The database may be down or the disk full: keep the last good searcher, retry next tick.
            pauses.failed(e);
            if (store != null && !store.healthy()) {
                closeStore();
            }
        }
    }

    /**
     * Replaying cannot bring the index up to date when rows after its cursor were pruned before it
     * applied them (an instance stopped for longer than the outbox retention), nor when its cursor
     * lies past the outbox's last id: the database was restored from a backup older than the index,
     * which then holds documents the database no longer has, and MariaDB hands out the ids up to the
     * cursor again, so changes under them would never be applied. A rebuild can.
     */
    private void rebuildBecause(String why, long at) {
        LOG.warn("Search index at outbox id {} {}; rebuilding from MariaDB", at, why);
        closeStore();
        rebuild();
    }

    private void openOrRebuild() throws IOException {
        Optional<Map<String, String>> committed = IndexStore.committed(path);
        if (committed.isPresent() && analyzers.hash().equals(committed.get().get(IndexStore.ANALYZERS))
                && committed.get().containsKey(IndexStore.OUTBOX)) {
            long at = Long.parseLong(committed.get().get(IndexStore.OUTBOX));
            // Checked before the store is served: a restored database must never be answered from
            // the index of work the backup does not have, not even for the first tick.
            PairLoader.OutboxBounds bounds = loader.outboxBounds();
            if (at < bounds.prunedThrough()) {
                rebuildBecause("is behind the pruned outbox", at);
                return;
            }
            if (at > bounds.last()) {
                rebuildBecause("is ahead of the database's outbox (last id " + bounds.last()
                        + "; restored from an earlier backup?)", at);
                return;
            }
            store = IndexStore.open(path, analyzers.indexAnalyzer());
            cursor = at;
            commits.opened(cursor);
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
            long upTo = loader.settledThrough(Instant.now().minus(IdGaps.GRACE));
            long start = System.nanoTime();
            IndexPipeline.Filled filled;
            long merge;
            try (IndexStore fresh = IndexStore.open(side, analyzers.indexAnalyzer())) {
                filled = pipeline.run(0, pipeline.allPairs(), (id, docs) -> fresh.add(docs, analyzers.sharing()),
                        position -> { });
                merge = System.nanoTime();
                if (!closing) {
                    fresh.mergeDown();
                }
                merge = System.nanoTime() - merge;
                fresh.commit(upTo, analyzers.hash());
            }
            IndexStore.deleteTree(path);
            Files.move(side, path);
            store = IndexStore.open(path, analyzers.indexAnalyzer());
            cursor = upTo;
            commits.opened(upTo);
            changedSinceMerge = 0;
            lastRebuild = new Rebuild(filled.pairs(), (System.nanoTime() - start) / 1e9, filled.waitedNanos() / 1e9,
                    merge / 1e9);
            LOG.info("Search index rebuilt: {} pairs, outbox id {}, in {} s ({} s of it waiting for MariaDB, {} s"
                            + " merging)", filled.pairs(), upTo, Math.round(lastRebuild.seconds()),
                    Math.round(lastRebuild.waitingForDatabase()), Math.round(lastRebuild.merging()));
        } catch (IOException | RuntimeException e) {
            if (closing) {
                // the pipeline's threads were stopped under it; nothing failed and nothing will retry
                LOG.info("Search index rebuild stopped by the shutdown; the next start rebuilds");
            } else {
                LOG.warn("Search index rebuild failed, retrying: {}", e.toString());
            }
        }
    }

    /**
     * The last full rebuild: how long it took, how much of that the analysis waited for a read, and
     * how long merging it into one segment took (part of {@code seconds}).
     */
    public record Rebuild(int pairs, double seconds, double waitingForDatabase, double merging) {
    }

    public Optional<Rebuild> lastRebuild() {
        return Optional.ofNullable(lastRebuild);
    }

    /**
     * Applies the outbox after the cursor, all of it unless it stops at a young gap. What it applied
     * is searchable at the end (a refresh) and durable at the next commit, at most a commit interval
     * later: a commit fsyncs every new file, and committing at the end of every catch-up meant one
     * every poll interval while an import trickled in. In the middle of a long backlog it commits
     * only every backlog commit interval: each commit (or refresh) writes the buffered documents out
     * as a small segment, and a commit a second made merges and commits 15 % of a 100k replay's
     * samples (JFR; none in a rebuild, which commits once).
     */
    private void catchUp(IndexStore target) throws IOException {
        boolean[] pending = {false};
        OutboxBatches batches = new OutboxBatches(loader, cursor);
        IndexPipeline.Filled filled = pipeline.run(cursor, () -> closing ? Optional.empty() : batches.next(),
                (id, docs) -> target.replace(id, docs, analyzers.sharing()), position -> {
                    pending[0] = true;
                    if (commits.due(backlogCommitNanos)) {
                        commit(target, position);
                        pending[0] = false;
                    }
                });
        if (filled.pairs() > 0) {
            changedSinceMerge += filled.pairs();
            lastChangeNanos = System.nanoTime();
        }
        if (commits.due(commitNanos) && (pending[0] || commits.behind(cursor))) {
            commit(target, filled.position());
        } else if (pending[0]) {
            target.refresh();
            cursor = filled.position();
        }
    }

    /**
     * Merges the live index into one segment once {@code kakehashi.search.merge-after-pairs} pairs were
     * written since the last merge and the outbox has then been quiet for {@code merge-quiet}. An
     * index that followed an import keeps the ten or so segments its flushes and the merge policy
     * left, and a query looks its terms up in each: the same merge a rebuild ends with (see {@link
     * IndexStore#mergeDown}). It runs on this thread, so changes made meanwhile become searchable
     * when it ends (≈ 7 s for 100k pairs on two cores); searches go on on the current searcher.
     */
    private void mergeWhenQuiet(IndexStore target) throws IOException {
        if (mergeAfterPairs <= 0 || changedSinceMerge < mergeAfterPairs || closing
                || System.nanoTime() - lastChangeNanos < mergeQuietNanos) {
            return;
        }
        changedSinceMerge = 0;
        int segments = target.segments();
        if (segments > 1) {
            long start = System.nanoTime();
            target.mergeDown();
            commit(target, cursor);
            LOG.info("Search index merged from {} segments into one in {} s", segments,
                    Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        }
    }

    private void commit(IndexStore target, long position) throws IOException {
        target.commit(position, analyzers.hash());
        cursor = position;
        commits.committed(position);
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
        closing = true;
        IndexStore.stop(thread);
        pipeline.close();
        IndexStore s = store;
        if (s != null && commits.behind(cursor)) {
            try {
                commit(s, cursor); // what is searchable now need not be replayed after a clean stop
            } catch (IOException | RuntimeException e) {
                LOG.warn("Final index commit failed; the outbox is replayed on start: {}", e.toString());
            }
        }
        closeStore();
    }
}
