package jp.kakehashi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The terms the index holds, for the parts of a query that depend on them: a run-together word
 * split into two indexed words (kpop → k pop), a katakana name typed in part (パーマストン →
 * パーマストンノース), a loanword met by its transliteration (webinar → ウェビナー). Every lookup is
 * bounded: at most {@link #MAX_SCANNED} terms are read per call, whatever the index holds.
 *
 * <p>Terms of staff-only documents are seen too; they only ever widen a query whose hits are then
 * filtered by view, never shown as such (suggestions check the public view themselves). One per query
 * being built, on its thread: it keeps a terms enum per field.
 */
final class IndexTerms {
    static final int MAX_SCANNED = 20_000;
    static final IndexTerms NONE = new IndexTerms(null);
    private final IndexReader reader;
    /** One enum per field for the query being built: a split word looks up to twice its length of terms. */
    private final Map<String, Optional<TermsEnum>> enums = new HashMap<>();

    IndexTerms(IndexReader reader) {
        this.reader = reader;
    }

    boolean has(String field, String term) {
        try {
            TermsEnum e = terms(field);
            return e != null && e.seekExact(new BytesRef(term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up to {@code max} terms that start with {@code prefix} and pass {@code keep}, in term order. */
    List<String> startingWith(String field, String prefix, int max, Predicate<String> keep) {
        List<String> found = new ArrayList<>();
        try {
            TermsEnum e = terms(field);
            if (e == null || prefix.isEmpty() || e.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
                return found;
            }
            int scanned = 0;
            for (BytesRef t = e.term(); t != null && scanned < MAX_SCANNED && found.size() < max; t = e.next()) {
                String term = t.utf8ToString();
                if (!term.startsWith(prefix)) {
                    break;
                }
                scanned++;
                if (keep.test(term)) {
                    found.add(term);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TermsEnum terms(String field) throws IOException {
        if (reader == null) {
            return null;
        }
        Optional<TermsEnum> e = enums.get(field);
        if (e == null) {
            Terms terms = MultiTerms.getTerms(reader, field);
            e = Optional.ofNullable(terms == null ? null : terms.iterator());
            enums.put(field, e);
        }
        return e.orElse(null);
    }
}
