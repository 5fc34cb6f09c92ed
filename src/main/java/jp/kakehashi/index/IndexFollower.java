package jp.kakehashi.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.kakehashi.job.Job;
import jp.kakehashi.job.Jobs;
import jp.kakehashi.job.Progress;
import jp.kakehashi.job.Tracked;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;

/**
 * The life of a Lucene index derived from MariaDB, shared by the search index and the memory's: one
 * thread follows the rows in commit order (their {@code seq}, which each catch-up first has {@link
 * CommitOrder} give the rows committed since) and commits the position it reached (the cursor)
 * with the analyzer hash. On start it resumes from that cursor; an index that is missing,
 * unreadable, differently analysed, behind what the source pruned, or ahead of the source's last
 * seq (a database restored from an older backup) is rebuilt from MariaDB in a side directory and
 * swapped in, and is never served before that check. Searches answer 503 only while there is no index at
 * all; a failing tick (the database away) keeps the last good searcher and is logged once per pause.
 *
 * <p>What a catch-up applied is searchable at once (a refresh) and durable at the first tick at least
 * the commit interval after the last commit, and at a clean stop: a commit fsyncs every new file,
 * and committing each small batch meant a fresh tiny segment (and the merges of them) each time.
 */
public abstract class IndexFollower implements AutoCloseable {
    private final Logger log;
    private final String name;
    private final PauseLog pauses;
    private final Path path;
    private final String cursorKey;
    private final Analyzer analyzer;
    private final String analyzerHash;
    private final long pollMillis;
    private final long commitNanos;
    private final ScheduledExecutorService thread;
    private volatile IndexStore store;
    private volatile long cursor;
    /** The store is the index of other analyzers, searched while its replacement is built beside it. */
    private volatile boolean interim;
    /** The cursor of the last commit, and when it was made. */
    protected final CommitClock commits = new CommitClock();
    /** Set on close: a catch-up or rebuild reads no further and ends with what it has. */
    protected volatile boolean closing;
    private volatile Jobs jobs;
    private volatile boolean rebuildFailing;
    static final long WAKE_SPACING_NANOS = Duration.ofMillis(100).toNanos();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile long lastWokenTick = System.nanoTime() - WAKE_SPACING_NANOS;

    /**
     * What a follower indexes: its label and the table it follows (a table with {@code id},
     * {@code seq} and {@code created_at}) for the lag gauges, and the kind of job its rebuilds are.
     */
    public record Source(String label, String table, Job.Kind rebuildKind) {
    }

    public abstract Source source();

    /** What the source holds: seqs up to {@code prunedThrough} are gone, {@code last} is the newest. */
    public record Range(long prunedThrough, long last) {
        /** Whether replaying from {@code at} can bring an index up to date: nothing after it pruned, nothing before it reused. */
        boolean covers(long at) {
            return at >= prunedThrough && at <= last;
        }
    }

    /**
     * A follower named {@code name} in its log lines, writing {@code path} with {@code analyzer}; the
     * index is rebuilt when it was written with another {@code analyzerHash}.
     */
    protected IndexFollower(Logger log, String name, String threadName, Path path, String cursorKey, Analyzer analyzer,
                            String analyzerHash, Duration poll, Duration commitInterval) {
        this.log = log;
        this.name = name;
        this.pauses = new PauseLog(log, name);
        this.path = path;
        this.cursorKey = cursorKey;
        this.analyzer = analyzer;
        this.analyzerHash = analyzerHash;
        this.pollMillis = poll.toMillis();
        this.commitNanos = commitInterval.toNanos();
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(threadName).daemon().factory());
    }

    /** The source's seqs now. */
    protected abstract Range range();

    /**
     * Writes every row into {@code fresh}, telling {@code progress} how many there are and each batch
     * written; returns the cursor the written rows reflect.
     */
    protected abstract long fill(IndexStore fresh, Progress progress) throws IOException;

    /**
     * Numbers the rows committed since ({@link CommitOrder}), then applies those after {@link
     * #cursor()}, moving it with {@link #advance} or {@link #commit}.
     */
    protected abstract void catchUp(IndexStore target) throws IOException;

    /** After a catch-up, on the same thread (merging when quiet). */
    protected void idle(IndexStore target) throws IOException {
    }

    /** The rebuilt index is in place and searched, reflecting rows up to {@code upTo}. */
    protected void rebuilt(long upTo) {
    }

    /** Before the final commit at a clean stop, once the thread has stopped. */
    protected void stopping() {
    }

    public final void start() {
        thread.scheduleWithFixedDelay(this::tick, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a tick soon after a commit that wrote rows, in turn with the scheduled ones. Wakes coalesce:
     * one tick is pending at most, and woken ticks start at least {@link #WAKE_SPACING_NANOS} apart, so
     * a stream of commits costs a few refreshes a second, not one each (every refresh writes a segment
     * that merges later). A commit whose wake finds a tick pending is read by that tick, which has not
     * started yet.
     */
    public final void wake() {
        if (!wakePending.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, lastWokenTick + WAKE_SPACING_NANOS - System.nanoTime());
        thread.schedule(() -> {
            wakePending.set(false);
            lastWokenTick = System.nanoTime();
            tick();
        }, wait, TimeUnit.NANOSECONDS);
    }

    /** Rebuilds now, on the follower's thread; for tests. */
    public final void requestRebuild() {
        rebuildNow(Progress.NONE);
    }

    /**
     * Rebuilds beside the live index, which answers searches meanwhile (without catching up: what
     * is written during the rebuild becomes searchable at the swap). Completes once the new index is
     * swapped in, or with what stopped it.
     */
    public final CompletableFuture<Rebuilt> rebuildNow(Progress progress) {
        CompletableFuture<Rebuilt> done = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                done.complete(rebuild(progress));
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Runs a search on the current searcher; 503 SEARCH_UNAVAILABLE with {@code missing} while there is none. */
    public final <T> T search(String missing, IndexStore.SearchFunction<T> fn) {
        return IndexStore.search(store, missing, fn);
    }

    /** The position up to which the index is searchable, -1 while it opens or is rebuilt. */
    public final long appliedUpTo() {
        return store == null ? -1 : cursor;
    }

    /** The store searched and written now, if open (tests reach its writer through it). */
    public final Optional<IndexStore> currentStore() {
        return Optional.ofNullable(store);
    }

    protected final long cursor() {
        return cursor;
    }

    /** What was written up to {@code position} is searchable now; durable at a later commit. */
    protected final void advance(IndexStore target, long position) throws IOException {
        target.refresh();
        cursor = position;
    }

    /** Makes everything up to {@code position} durable and searchable. */
    protected final void commit(IndexStore target, long position) throws IOException {
        if (interim) {
            // the previous analyzers' index, served while its replacement is built: never stamped with
            // this hash, so a crash meanwhile leaves it as it was and the next start rebuilds again
            advance(target, position);
            return;
        }
        target.commit(Map.of(cursorKey, Long.toString(position), IndexStore.ANALYZERS, analyzerHash));
        cursor = position;
        commits.committed(position);
    }

    private void tick() {
        try {
            if (store == null) {
                openOrRebuild();
            } else if (!store.healthy()) {
                log.warn("{}: writer failed; reopening from the last commit", name);
                closeStore();
                openOrRebuild();
            }
            IndexStore s = store;
            if (s == null) {
                return;
            }
            long from = cursor;
            Range range = range();
            pauses.succeeded();
            if (staleAt(from, range)) {
                return;
            }
            catchUp(s);
            if (range.prunedThrough() > 0 && from < range().prunedThrough()) {
                // pruned while this catch-up read: what it applied may have missed rows
                rebuildBecause("is behind the pruned source", from);
                return;
            }
            if (commits.behind(cursor) && commits.due(commitNanos)) {
                commit(s, cursor);
            }
            idle(s);
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
     * applied them (an instance stopped for longer than the retention), nor when its cursor lies past
     * the source's last seq: the database was restored from a backup older than the index, which then
     * holds documents the database no longer has, and the seqs up to the cursor are handed out
     * again, so rows under them would never be applied. A rebuild can.
     */
    private boolean staleAt(long at, Range range) {
        if (range.covers(at)) {
            return false;
        }
        rebuildBecause(at < range.prunedThrough() ? "is behind the pruned source" : "is ahead of the database (last seq "
                + range.last() + "; restored from an earlier backup?)", at);
        return true;
    }

    private void rebuildBecause(String why, long at) {
        log.warn("{} at {} {}; rebuilding from MariaDB", name, at, why);
        closeStore();
        rebuild();
    }

    private void openOrRebuild() throws IOException {
        Optional<Map<String, String>> committed = IndexStore.committed(path);
        if (committed.isPresent() && analyzerHash.equals(committed.get().get(IndexStore.ANALYZERS))
                && committed.get().containsKey(cursorKey)) {
            long at = Long.parseLong(committed.get().get(cursorKey));
            if (staleAt(at, range())) {
                return;
            }
            store = IndexStore.open(path, analyzer);
            cursor = at;
            commits.opened(at);
            log.info("{} opened at {}", name, at);
        } else {
            log.info("{} {}: rebuilding from MariaDB", name, committed.isEmpty() ? "missing or unreadable"
                    : "built with other analyzers");
            if (committed.isPresent() && committed.get().containsKey(cursorKey)) {
                serveMeanwhile(Long.parseLong(committed.get().get(cursorKey)));
            }
            rebuild();
        }
    }

    /**
     * An index of other analyzers that is otherwise sound (neither behind the pruned source nor ahead
     * of the database) answers searches while the new one is built, brought up to the outbox first so
     * that nothing retracted meanwhile shows: a new dictionary then costs no minute of 503s. Queries
     * analysed with the new chains meet the old terms for nearly every word. If it cannot be opened,
     * searches answer 503 until the swap, as for a missing index.
     */
    private void serveMeanwhile(long at) {
        if (!range().covers(at)) {
            return;
        }
        try {
            interim = true;
            store = IndexStore.open(path, analyzer);
            cursor = at;
            catchUp(store);
            log.info("{}: the previous index answers searches until the rebuilt one replaces it", name);
        } catch (IOException | RuntimeException e) {
            log.warn("{}: the previous index cannot answer meanwhile: {}", name, e.toString());
            closeStore();
        }
    }

    /**
     * Reports the rebuilds this follower starts by itself (first start, new analyzers, a source that
     * moved past it) as jobs, so an operator sees them beside those asked for.
     */
    public final void reportRebuilds(Jobs jobs) {
        this.jobs = jobs;
    }

    /**
     * Builds the index beside the live one and swaps it in; searches answer 503 only during the swap.
     * A rebuild that keeps failing (a full disk) is retried every tick: only the first failure of a
     * run is a job, not one row per tick.
     */
    private void rebuild() {
        Jobs to = jobs;
        Tracked job = to == null || rebuildFailing ? Tracked.NONE : to.track(source().rebuildKind(), "system");
        try {
            job.succeeded(rebuild(job));
            rebuildFailing = false;
        } catch (IOException | RuntimeException e) {
            job.failed(closing ? new ApiException(ErrorCode.JOB_INTERRUPTED, "The service stopped while it ran") : e);
            rebuildFailing = !closing;
            if (closing) {
                log.info("{} rebuild stopped by the shutdown; the next start rebuilds", name);
            } else {
                log.warn("{} rebuild failed, retrying: {}", name, e.toString());
            }
        }
    }

    private Rebuilt rebuild(Progress progress) throws IOException {
        Rebuilt.Counting counted = new Rebuilt.Counting(progress);
        Path side = path.resolveSibling(path.getFileName() + ".rebuild");
        try {
            IndexStore.deleteTree(side);
            long upTo;
            try (IndexStore fresh = IndexStore.open(side, analyzer)) {
                upTo = fill(fresh, counted);
                fresh.commit(Map.of(cursorKey, Long.toString(upTo), IndexStore.ANALYZERS, analyzerHash));
            }
            // the swap: the previous index, if it answered meanwhile, is closed (uncommitted) and replaced
            closeStore();
            IndexStore.deleteTree(path);
            Files.move(side, path);
            store = IndexStore.open(path, analyzer);
            cursor = upTo;
            commits.opened(upTo);
            rebuilt(upTo);
            return new Rebuilt(source().label(), counted.documents(), upTo);
        } catch (IOException | RuntimeException e) {
            // a previous index answering meanwhile stops too: the next tick opens it again and retries
            closeStore();
            throw e;
        }
    }

    private void closeStore() {
        IndexStore s = store;
        store = null;
        interim = false;
        IndexStore.closeQuietly(s);
    }

    @Override
    public void close() {
        closing = true;
        IndexStore.stop(thread);
        stopping();
        IndexStore s = store;
        if (s != null && commits.behind(cursor)) {
            try {
                commit(s, cursor); // what is searchable need not be applied again after a clean stop
            } catch (IOException | RuntimeException e) {
                log.warn("{}: final commit failed; the rows are applied again on start: {}", name, e.toString());
            }
        }
        closeStore();
    }
}
