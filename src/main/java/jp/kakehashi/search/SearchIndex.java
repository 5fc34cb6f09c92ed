package jp.kakehashi.search;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.index.CommitOrder;
import jp.kakehashi.index.IndexFollower;
import jp.kakehashi.index.IndexStore;
import jp.kakehashi.job.Job;
import jp.kakehashi.job.Jobs;
import jp.kakehashi.job.Progress;
import jp.kakehashi.system.KakehashiConfig;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index under {@code <data-dir>/index}, derived from MariaDB through the outbox: an
 * {@link IndexFollower} whose cursor is the last applied outbox seq. The pairs of a batch are read
 * and analysed by the {@link IndexPipeline}'s threads, each pair from its current rows, so their
 * order within a batch does not matter. Deleting the directory is safe.
 */
@Singleton
public class SearchIndex extends IndexFollower implements ApplicationEventListener<ServerStartupEvent> {
    /** The commit user data key of the cursor. */
    public static final String OUTBOX = "outbox";
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private final PairLoader loader;
    private final CommitOrder order;
    private final IndexPipeline pipeline;
    private final SearchAnalyzers analyzers;
    private final long commitNanos;
    private final long backlogCommitNanos;
    private final int mergeAfterPairs;
    private final long mergeQuietNanos;
    /** Pairs written since the index was last merged into one segment (or opened), and when the last was. */
    private long changedSinceMerge;
    private long lastChangeNanos = System.nanoTime();
    private volatile Rebuild lastRebuild;
    private Rebuild filling;

    SearchIndex(PairLoader loader, SearchAnalyzers analyzers, KakehashiConfig config, CommitOrder order,
                @Value("${kakehashi.search.poll-interval:200ms}") Duration poll,
                @Value("${kakehashi.search.commit-interval:1s}") Duration commitInterval,
                @Value("${kakehashi.search.backlog-commit-interval:10s}") Duration backlogCommitInterval,
                @Value("${kakehashi.search.merge-after-pairs:10000}") int mergeAfterPairs,
                @Value("${kakehashi.search.merge-quiet:10s}") Duration mergeQuiet) {
        super(LOG, "Search index", "indexer", config.getDataDir().resolve("index"), OUTBOX, analyzers.indexAnalyzer(),
                analyzers.hash(), poll, commitInterval);
        this.order = order;
        this.loader = loader;
        this.pipeline = new IndexPipeline(loader);
        this.analyzers = analyzers;
        this.commitNanos = commitInterval.toNanos();
        this.backlogCommitNanos = backlogCommitInterval.toNanos();
        this.mergeAfterPairs = mergeAfterPairs;
        this.mergeQuietNanos = mergeQuiet.toNanos();
    }

    /** Rebuilds this index starts by itself are jobs too, listed beside those an operator asks for. */
    @Inject
    void reportRebuildsTo(Jobs jobs) {
        reportRebuilds(jobs);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        start();
    }

    /** Runs a search on the current searcher; 503 while the index is being (re)built. */
    public <T> T search(IndexStore.SearchFunction<T> fn) {
        return search("The search index is being built; try again shortly", fn);
    }

    @Override
    public Source source() {
        return new Source("search", "outbox_event", Job.Kind.SEARCH_REBUILD);
    }

    public long appliedOutboxId() {
        return appliedUpTo();
    }

    @Override
    protected Range range() {
        PairLoader.OutboxBounds bounds = loader.outboxBounds();
        return new Range(bounds.prunedThrough(), bounds.last());
    }

    /**
     * Every pair, read and analysed by the pipeline, then merged into one segment (see {@link
     * IndexStore#mergeDown}). The cursor is the outbox's last seq before reading began, so anything
     * committed during the rebuild is applied again by the catch-ups after it.
     */
    @Override
    protected long fill(IndexStore fresh, Progress progress) throws IOException {
        long upTo = loader.outboxBounds().last();
        progress.total(loader.pairCount());
        long start = System.nanoTime();
        IndexPipeline.Filled filled = pipeline.run(0, pipeline.allPairs(), (id, docs) -> {
            fresh.add(documents(docs));
            progress.advance(1);
        }, position -> { });
        long merge = System.nanoTime();
        if (!closing) {
            fresh.mergeDown();
        }
        merge = System.nanoTime() - merge;
        filling = new Rebuild(filled.pairs(), (System.nanoTime() - start) / 1e9, filled.waitedNanos() / 1e9,
                merge / 1e9);
        return upTo;
    }

    @Override
    protected void rebuilt(long upTo) {
        changedSinceMerge = 0;
        lastRebuild = filling;
        LOG.info("Search index rebuilt: {} pairs, outbox seq {}, in {} s ({} s of it waiting for MariaDB, {} s"
                        + " merging)", filling.pairs(), upTo, Math.round(filling.seconds()),
                Math.round(filling.waitingForDatabase()), Math.round(filling.merging()));
    }

    private List<Document> documents(Collection<PairDocument> docs) {
        return docs.stream().map(d -> d.toDocument(analyzers.sharing())).toList();
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
     * Numbers what was committed since ({@link CommitOrder}), then applies the outbox after the
     * cursor, all of it unless it stops at a gap ({@link jp.kakehashi.index.SeqGaps}). What it
     * applied is searchable at the end (a refresh) and durable at the next commit, at most a commit
     * interval later: a commit fsyncs every new file, and committing at the end of every catch-up meant one
     * every poll interval while an import trickled in. In the middle of a long backlog it commits
     * only every backlog commit interval: each commit (or refresh) writes the buffered documents out
     * as a small segment, and a commit a second made merges and commits 15 % of a 100k replay's
     * samples (JFR; none in a rebuild, which commits once).
     */
    @Override
    protected void catchUp(IndexStore target) throws IOException {
        order.assign(source().table());
        boolean[] pending = {false};
        OutboxBatches batches = new OutboxBatches(loader, cursor());
        IndexPipeline.Filled filled = pipeline.run(cursor(), () -> closing ? Optional.empty() : batches.next(),
                (id, docs) -> target.replace(new Term(PairDocument.PAIR, Long.toString(id)), documents(docs)),
                position -> {
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
        if (commits.due(commitNanos) && (pending[0] || commits.behind(cursor()))) {
            commit(target, filled.position());
        } else if (pending[0]) {
            advance(target, filled.position());
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
    @Override
    protected void idle(IndexStore target) throws IOException {
        if (mergeAfterPairs <= 0 || changedSinceMerge < mergeAfterPairs || closing
                || System.nanoTime() - lastChangeNanos < mergeQuietNanos) {
            return;
        }
        changedSinceMerge = 0;
        int segments = target.segments();
        if (segments > 1) {
            long start = System.nanoTime();
            target.mergeDown();
            commit(target, cursor());
            LOG.info("Search index merged from {} segments into one in {} s", segments,
                    Math.round((System.nanoTime() - start) / 1e8) / 10.0);
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

    @Override
    protected void stopping() {
        pipeline.close();
    }

    @PreDestroy
    @Override
    public void close() {
        super.close();
    }
}
