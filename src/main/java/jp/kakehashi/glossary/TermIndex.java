package jp.kakehashi.glossary;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The termbase compiled for matching: every term's Japanese and English sides as analysed tokens,
 * reloaded from MariaDB after each committed change. Lookups never touch the database.
 */
@Singleton
public class TermIndex {
    private final GlossaryRepository terms;
    private final TermMatcher matcher;
    private final AtomicLong generation = new AtomicLong();
    private volatile List<Compiled> compiled;

    TermIndex(GlossaryRepository terms, TermMatcher matcher) {
        this.terms = terms;
        this.matcher = matcher;
    }

    record Compiled(GlossaryTerm term, List<String> ja, List<String> en) {
        List<String> side(String lang) {
            return "ja".equals(lang) ? ja : en;
        }
    }

    /** A term found in a text: where (UTF-16 offsets into the text), and which entry. */
    @Serdeable
    public record Hit(int start, int end, String text, GlossaryTermView term) {
    }

    @TransactionalEventListener
    void changed(GlossaryChanged event) {
        compiled = null;
        generation.incrementAndGet();
    }

    /** Grows with every committed change, so caches built from the terms know when to rebuild. */
    public long generation() {
        return generation.get();
    }

    List<Compiled> compiled() {
        List<Compiled> c = compiled;
        if (c == null) {
            long loading = generation.get();
            List<Compiled> fresh = new ArrayList<>();
            for (GlossaryTerm t : terms.findAllOrderByTermJa()) {
                fresh.add(new Compiled(t, matcher.tokens(t.termJa(), "ja").terms(), matcher.tokens(t.termEn(), "en").terms()));
            }
            c = List.copyOf(fresh);
            if (generation.get() == loading) {
                // a change committed while loading leaves the cache empty, so the next call reloads
                compiled = c;
            }
        }
        return c;
    }

    /** Terms of {@code office} (or every office) whose {@code lang} side occurs in {@code text}. */
    public List<Hit> hits(String text, String lang, String office) {
        TermMatcher.Tokens tokens = matcher.tokens(text, lang);
        List<Hit> hits = new ArrayList<>();
        for (Compiled c : compiled()) {
            if (c.term().appliesTo(office)) {
                for (int[] at : tokens.find(c.side(lang))) {
                    hits.add(new Hit(at[0], at[1], text.substring(at[0], at[1]), GlossaryTermView.of(c.term())));
                }
            }
        }
        hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return hits;
    }

    /** Preferred terms for every office, for search's query-time expansion (ja, en). */
    public List<String[]> preferredPairs() {
        List<String[]> pairs = new ArrayList<>();
        for (Compiled c : compiled()) {
            if (c.term().status() == GlossaryTerm.Status.PREFERRED && GlossaryTerm.ALL.equals(c.term().scope())) {
                pairs.add(new String[] {c.term().termJa(), c.term().termEn()});
            }
        }
        return pairs;
    }

    TermMatcher matcher() {
        return matcher;
    }
}
