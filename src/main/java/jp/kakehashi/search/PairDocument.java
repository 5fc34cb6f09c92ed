package jp.kakehashi.search;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * One Lucene document per pair and audience. {@code view=public} holds the released revisions
 * (only while the bulletin is released); {@code view=staff} holds the current ones. Readers' queries
 * filter on the public view, so unreleased text cannot reach their totals, facets or snippets.
 *
 * <p>Bodies and their readings keep offsets in the postings (docs/design/search.md): the highlighter then reads
 * where a term is instead of re-analysing every hit with Kuromoji, which was three quarters of a
 * query's time. A reading field takes the body first and the title after it, so its offsets are the
 * body's own and a romaji match marks the Japanese words of the stored body it came from.
 *
 * <p>{@code en_shingle} holds the English body's adjacent word pairs, so a phrase is scored as
 * required pair terms (see {@link CrossLanguageQuery}) instead of by reading positions.
 */
record PairDocument(long pairId, long bulletinId, String office, LocalDate publishedOn, String status, String view,
                    @Nullable Side ja, @Nullable Side en) {

    static final String KEY = "key";
    static final String PAIR = "pair";
    static final String VIEW = "view";
    static final String OFFICE = "office";
    static final String PUBLISHED = "published";
    static final String YEAR = "year";
    static final String STATUS = "status";
    static final String BULLETIN = "bulletin";
    static final String JA_TITLE = "ja_title";
    static final String JA_BODY = "ja_body";
    static final String EN_TITLE = "en_title";
    static final String EN_BODY = "en_body";
    static final String JA_READ = "ja_read";
    static final String EN_READ = "en_read";
    static final String EN_SHINGLE = "en_shingle";
    static final String PUBLIC = "public";
    static final String STAFF = "staff";

    private static final FieldType STORED_WITH_OFFSETS = withOffsets(TextField.TYPE_STORED);
    private static final FieldType WITH_OFFSETS = withOffsets(TextField.TYPE_NOT_STORED);
    /** Word pairs are only ever looked up as terms: no positions, so none are written or read. */
    private static final FieldType TERMS_ONLY = termsOnly();
    private static final Kind TITLE = new Kind(TextField.TYPE_STORED, TextField.TYPE_NOT_STORED);
    private static final Kind BODY = new Kind(STORED_WITH_OFFSETS, WITH_OFFSETS);
    private static final Kind READ = new Kind(WITH_OFFSETS, WITH_OFFSETS);
    private static final Kind PAIRS = new Kind(TERMS_ONLY, TERMS_ONLY);

    private static FieldType termsOnly() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        t.freeze();
        return t;
    }

    private static FieldType withOffsets(FieldType base) {
        FieldType t = new FieldType(base);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    record Side(String title, String body) {
    }

    static String key(long pairId, String view) {
        return pairId + "/" + view;
    }

    /**
     * Every text analysed by its field's chain on its own: the reference the shared analysis of
     * {@link #toDocument(SearchAnalyzers.Sharing)}, which the index uses, is tested against.
     */
    Document toDocument() {
        return toDocument(SearchAnalyzers.Sharing.NONE);
    }

    /**
     * The Lucene document, each text tokenized once for all the fields it feeds where {@code sharing}
     * allows it: Japanese for words and reading, English for words, reading and (body) word pairs.
     */
    Document toDocument(SearchAnalyzers.Sharing sharing) {
        Document d = new Document();
        d.add(new StringField(KEY, key(pairId, view), Field.Store.NO));
        d.add(new StringField(PAIR, Long.toString(pairId), Field.Store.YES));
        d.add(new StringField(VIEW, view, Field.Store.YES));
        d.add(new StoredField(BULLETIN, bulletinId));
        d.add(new StringField(OFFICE, office, Field.Store.YES));
        d.add(new SortedDocValuesField(OFFICE, new BytesRef(office)));
        long day = publishedOn.toEpochDay();
        d.add(new LongPoint(PUBLISHED, day));
        d.add(new NumericDocValuesField(PUBLISHED, day));
        d.add(new StoredField(PUBLISHED, day));
        d.add(new NumericDocValuesField(YEAR, publishedOn.getYear()));
        d.add(new StringField(STATUS, status, Field.Store.YES));
        if (ja != null) {
            Optional<TokenStream[]> title = sharing.ja().flatMap(s -> s.split(ja.title()));
            Optional<TokenStream[]> body = sharing.ja().flatMap(s -> s.split(ja.body()));
            text(d, JA_TITLE, ja.title(), title, 0, TITLE);
            text(d, JA_BODY, ja.body(), body, 0, BODY);
            text(d, JA_READ, ja.body(), body, 1, READ);
            text(d, JA_READ, ja.title(), title, 1, READ);
        } else {
            absent(d, JA_TITLE, TITLE);
            absent(d, JA_BODY, BODY);
            absent(d, JA_READ, READ);
        }
        if (en != null) {
            Optional<TokenStream[]> title = sharing.enTitle().flatMap(s -> s.split(en.title()));
            Optional<TokenStream[]> body = sharing.enBody().flatMap(s -> s.split(en.body()));
            text(d, EN_TITLE, en.title(), title, 0, TITLE);
            text(d, EN_BODY, en.body(), body, 0, BODY);
            text(d, EN_READ, en.body(), body, 2, READ);
            text(d, EN_READ, en.title(), title, 1, READ);
            text(d, EN_SHINGLE, en.body(), body, 1, PAIRS);
        } else {
            absent(d, EN_TITLE, TITLE);
            absent(d, EN_BODY, BODY);
            absent(d, EN_READ, READ);
            absent(d, EN_SHINGLE, PAIRS);
        }
        return d;
    }

    /**
     * A side the pair does not have yet, as fields without a token. Lucene then writes a norm of 0
     * for the document (docs/design/search.md), so every text field's norms are dense: scoring a hit
     * looks its norm up by position instead of searching a sparse field's doc list, where many pairs
     * have one side. Term statistics, and so scores, are unchanged: a field without tokens counts in
     * no term's or field's stats.
     */
    private static void absent(Document d, String name, Kind kind) {
        d.add(new Field(name, "", kind.tokens()));
    }

    /**
     * The field from its share of a common analysis, else from the text (IndexWriter then runs the
     * field's chain). The first share of a text is always added before the second, which replays it.
     */
    private static void text(Document d, String name, String text, Optional<TokenStream[]> shared, int share,
                             Kind kind) {
        if (shared.isEmpty()) {
            d.add(new Field(name, text, kind.whole()));
            return;
        }
        if (kind.whole().stored()) {
            d.add(new StoredField(name, text));
        }
        d.add(new Field(name, shared.get()[share], kind.tokens()));
    }

    /** How a text field is added whole, and how from tokens (then without the stored value). */
    private record Kind(FieldType whole, FieldType tokens) {
    }
}
