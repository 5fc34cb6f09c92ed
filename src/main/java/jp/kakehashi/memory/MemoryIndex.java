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
import jp.kakehashi.index.CommitOrder;
import jp.kakehashi.index.IndexFollower;
import jp.kakehashi.index.IndexStore;
import jp.kakehashi.index.SeqGaps;
import jp.kakehashi.job.Job;
import jp.kakehashi.job.Jobs;
import jp.kakehashi.job.Progress;
import jp.kakehashi.system.KakehashiConfig;
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
 * candidates. An {@link IndexFollower} of the table in commit order (see {@link SeqGaps}), woken
 * after a commit that wrote units (at most every 100 ms: approvals come in streams) and polling for
 * units other instances wrote; its lifecycle (resume,
 * rebuild beside, commit when due) is the search index's. Every approval writes units, so the
 * follower's deferred commits matter here most. Updates by unit id make a replay idempotent.
 */
@Singleton
class MemoryIndex extends IndexFollower implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryIndex.class);
    private static final int BATCH = 500;
    private static final String CURSOR = "tm_unit";
    private static final FieldType CONCORDANCE = concordanceType();
    private final TmRepository units;
    private final CommitOrder order;

    @Inject
    MemoryIndex(TmRepository units, MemoryAnalyzers analyzers, KakehashiConfig config, CommitOrder order,
                @Value("${kakehashi.tm.poll-interval:2s}") Duration poll,
                @Value("${kakehashi.tm.commit-interval:1s}") Duration commitInterval) {
        this(units, analyzers, config.getDataDir().resolve("tm"), order, poll, commitInterval);
    }

    /** A follower of the table on its own directory (tests). */
    MemoryIndex(TmRepository units, MemoryAnalyzers analyzers, Path path, CommitOrder order, Duration poll,
                Duration commitInterval) {
        super(LOG, "Translation memory index", "memory-indexer", path, CURSOR, analyzers.index(), analyzers.hash(), poll,
                commitInterval);
        this.order = order;
        this.units = units;
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

    /** Rebuilds this index starts by itself are jobs too, listed beside those an operator asks for. */
    @Inject
    void reportRebuildsTo(Jobs jobs) {
        reportRebuilds(jobs);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        start();
    }

    @TransactionalEventListener
    void committed(MemoryChanged event) {
        wake();
    }

    /** Units up to this seq are searchable (-1 while the index opens). */
    @Override
    public Source source() {
        return new Source("memory", "tm_unit", Job.Kind.MEMORY_REBUILD);
    }

    long indexedUpTo() {
        return appliedUpTo();
    }

    <T> T search(IndexStore.SearchFunction<T> fn) {
        return search("The translation memory is being indexed; try again shortly", fn);
    }

    /** Units are never deleted: nothing is pruned, and the newest seq bounds every cursor. */
    @Override
    protected Range range() {
        return new Range(0, units.maxSeq());
    }

    @Override
    protected long fill(IndexStore fresh, Progress progress) throws IOException {
        progress.total(units.count());
        long at = 0;
        Batch b;
        do {
            long from = at;
            b = batch(fresh, from);
            progress.advance(b.rows());
            at = b.safe();
            if (at == from) {
                break; // a gap: the catch-ups after the swap go on from here
            }
        } while (b.rows() == BATCH && !closing);
        return at;
    }

    @Override
    protected void catchUp(IndexStore target) throws IOException {
        order.assign(source().table());
        Batch b;
        long from;
        do {
            from = cursor();
            b = batch(target, from);
            if (b.rows() > 0) {
                advance(target, b.safe());
            }
        } while (b.rows() == BATCH && b.safe() > from && !closing);
    }

    /** How many units a batch read, and the seq up to which no unit can still appear below. */
    private record Batch(int rows, long safe) {
    }

    /** Indexes the next units after {@code from}. */
    private Batch batch(IndexStore target, long from) throws IOException {
        List<TmUnit> rows = units.findBySeqGreaterThan(from, Pageable.from(0, BATCH, Sort.of(Sort.Order.asc("seq"))));
        for (TmUnit u : rows) {
            target.update(new Term("uid", Long.toString(u.id())), document(u));
        }
        long safe = rows.isEmpty() ? from : SeqGaps.contiguous(from,
                rows.stream().map(u -> new Written(u.seq(), u.createdAt())).toList(), Instant.now());
        return new Batch(rows.size(), safe);
    }

    private record Written(long seq, Instant writtenAt) implements SeqGaps.Row {
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

    @PreDestroy
    @Override
    public void close() {
        super.close();
    }
}
