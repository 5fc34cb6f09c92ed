package jp.kakehashi.memory;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.search.CommitClock;
import jp.kakehashi.search.IndexStore;
import jp.kakehashi.system.IdGaps;
import jp.kakehashi.system.KakehashiConfig;
import jp.kakehashi.system.PauseLog;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory's Lucene index under {@code <data-dir>/tm}, derived from {@code tm_unit}: one document
 * per unit with both sides as bigrams (candidates), the exact-match keys, and concordance tokens
 * with offsets (highlighting). Texts and provenance stay in MariaDB; a lookup reads them for its few
 * candidates. One thread follows the table by id (see {@link IdGaps}), at once after a commit that
 * wrote units and on a poll for units other instances wrote. A missing or differently-analysed
 * index is rebuilt from the table, as is one whose cursor lies past the table's last id (a database
 * restored from an older backup); deleting the directory is safe.
 *
 * <p>What a batch wrote is searchable at once (a refresh) and durable at the first tick at least
 * {@code kakehashi.tm.commit-interval} after the last commit, and at a clean stop: every approval
 * writes units and wakes this thread, and a commit per approval meant an fsync of a fresh tiny
 * segment (and the merges of them) for every approval. The committed cursor names only what the
 * commit holds, so a crash replays from it; updates by unit id make the replay idempotent.
 */
@Singleton
class MemoryIndex implements ApplicationEventListener<ServerStartupEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryIndex.class);
    private final PauseLog pauses = new PauseLog(LOG, "Memory indexing");
    private static final int BATCH = 500;
    private static final String CURSOR = "tm_unit";
    private static final FieldType CONCORDANCE = concordanceType();
    private final TmRepository units;
    private final MemoryAnalyzers analyzers;
    private final Path path;
    private final long pollMillis;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("memory-indexer").daemon().factory());
    private final long commitNanos;
    private volatile IndexStore store;
    /** Units up to this id are searchable. */
    private volatile long cursor;
    /** The cursor of the last commit, and when it was made. */
    private final CommitClock commits = new CommitClock();

    @Inject
    MemoryIndex(TmRepository units, MemoryAnalyzers analyzers, KakehashiConfig config,
                @Value("${kakehashi.tm.poll-interval:2s}") Duration poll,
                @Value("${kakehashi.tm.commit-interval:1s}") Duration commitInterval) {
        this(units, analyzers, config.getDataDir().resolve("tm"), poll, commitInterval);
    }

    /** A follower of the table on its own directory (tests). */
    MemoryIndex(TmRepository units, MemoryAnalyzers analyzers, Path path, Duration poll, Duration commitInterval) {
        this.units = units;
        this.analyzers = analyzers;
        this.path = path;
        this.pollMillis = poll.toMillis();
        this.commitNanos = commitInterval.toNanos();
    }

    static String gram(String lang) {
        return lang + "_gram";
    }

    static String key(String lang) {
        return lang + "_key";
    }

    static String text(String lang) {
        return lang + "_text";
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        thread.scheduleWithFixedDelay(this::tick, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    @TransactionalEventListener
    void committed(MemoryChanged event) {
        thread.execute(this::tick);
    }

    /** Units up to this id are searchable (-1 while the index opens). */
    long indexedUpTo() {
        return store == null ? -1 : cursor;
    }

    <T> T search(IndexStore.SearchFunction<T> fn) {
        return IndexStore.search(store, "The translation memory is being indexed; try again shortly", fn);
    }

    private void tick() {
        try {
            if (store == null) {
                open();
            }
            while (catchUp() == BATCH) {
                // keep going while there is a backlog
            }
            pauses.succeeded();
            if (commits.behind(cursor) && commits.due(commitNanos)) {
                commit();
            }
        } catch (Exception e) {
            pauses.failed(e);
            closeStore();
        }
    }

    private void open() throws IOException {
        Optional<Long> resumable = resumableCursor();
        if (resumable.isEmpty()) {
            IndexStore.deleteTree(path);
        }
        store = IndexStore.open(path, analyzers.index());
        cursor = resumable.orElse(0L);
        commits.opened(cursor);
        if (resumable.isEmpty()) {
            // Records the analyzers and an empty cursor at once: a memory with no units yet never
            // reaches a commit of its own, and every start would otherwise "rebuild" it again.
            commit();
        }
    }

    /** The committed cursor if the index may resume from it; empty: rebuild it from the table. */
    private Optional<Long> resumableCursor() {
        Optional<Map<String, String>> committed = IndexStore.committed(path);
        if (committed.isEmpty() || !analyzers.hash().equals(committed.get().get(IndexStore.ANALYZERS))
                || !committed.get().containsKey(CURSOR)) {
            LOG.info("Translation memory index missing or built with other analyzers: rebuilding from MariaDB");
            return Optional.empty();
        }
        long at = Long.parseLong(committed.get().get(CURSOR));
        if (at > units.maxId()) {
            // The database was restored from a backup older than the index: the index holds units the
            // table no longer has, and the table hands out the ids up to the cursor again.
            LOG.warn("Translation memory index is ahead of the database (restored from an earlier backup?): "
                    + "rebuilding from MariaDB");
            return Optional.empty();
        }
        return Optional.of(at);
    }

    /** Indexes the next units after the cursor; returns how many it read. */
    private int catchUp() throws IOException {
        List<TmUnit> rows = units.findByIdGreaterThan(cursor, Pageable.from(0, BATCH, Sort.of(Sort.Order.asc("id"))));
        if (rows.isEmpty()) {
            return 0;
        }
        for (TmUnit u : rows) {
            store.update(new Term("uid", Long.toString(u.id())), document(u));
        }
        long safe = IdGaps.contiguous(cursor, rows.stream().map(u -> new Written(u.id(), u.updatedAt())).toList(),
                Instant.now());
        store.refresh();
        cursor = safe;
        return rows.size();
    }

    private void commit() throws IOException {
        long upTo = cursor;
        store.commit(Map.of(CURSOR, Long.toString(upTo), IndexStore.ANALYZERS, analyzers.hash()));
        commits.committed(upTo);
    }

    private record Written(long id, Instant writtenAt) implements IdGaps.Row {
    }

    private static Document document(TmUnit u) {
        Document d = new Document();
        d.add(new StringField("uid", Long.toString(u.id()), Field.Store.YES));
        for (String lang : List.of(u.sourceLang(), u.targetLang())) {
            String text = u.side(lang);
            d.add(new StringField(key(lang), u.key(lang), Field.Store.NO));
            d.add(new TextField(gram(lang), text, Field.Store.NO));
            d.add(new Field(text(lang), text, CONCORDANCE));
        }
        return d;
    }

    private static FieldType concordanceType() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
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
        if (store != null && commits.behind(cursor)) {
            try {
                commit(); // what is searchable need not be indexed again after a clean stop
            } catch (IOException | RuntimeException e) {
                LOG.warn("Final memory index commit failed; the units are indexed again on start: {}", e.toString());
            }
        }
        closeStore();
    }
}
