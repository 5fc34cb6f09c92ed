package jp.kakehashi.memory;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Fuzzy lookup: bigram candidates from the index, scored by {@link Similarity} on words.
 *
 * <p>The candidate query asks for as many shared bigrams as a unit within the threshold must have.
 * q-gram lemma: each character edit destroys at most two bigrams of the text, and a unit scoring at
 * least t has at most {@code (1 - t) / t × n} edits from a text of n characters, so it shares at least
 * {@code grams - 2 × edits} of them. Word scores count characters slightly differently from bigrams
 * (punctuation, spaces), so the bound is taken ten points below the threshold. Candidates come in
 * order of shared bigrams, exact keys first; at most {@link #CANDIDATES} are scored.
 */
@Singleton
class MemoryLookup {
    static final int CANDIDATES = 50;
    /** More distinct bigrams than this add nothing to finding candidates (and Lucene caps clauses). */
    private static final int MAX_GRAMS = 512;
    private final MemoryIndex index;
    private final MemoryAnalyzers analyzers;
    private final TmRepository units;

    private final io.micrometer.core.instrument.Timer latency;

    MemoryLookup(MemoryIndex index, MemoryAnalyzers analyzers, TmRepository units,
                 io.micrometer.core.instrument.MeterRegistry metrics) {
        this.latency = io.micrometer.core.instrument.Timer.builder("kakehashi.tm.lookup")
                .description("Translation memory lookups of one sentence").publishPercentileHistogram()
                .register(metrics);
        this.index = index;
        this.analyzers = analyzers;
        this.units = units;
    }

    /** {@code context}: the {@link Similarity#contextKey} of the text's neighbours, or null when unknown. */
    List<TmMatch> lookup(String text, String lang, @Nullable String context, int threshold,
                       int limit) {
        return latency.record(() -> lookupNow(text, lang, context, threshold, limit));
    }

    private List<TmMatch> lookupNow(String text, String lang, @Nullable String context, int threshold, int limit) {
        String normalized = Similarity.normalize(text);
        if (normalized.isEmpty()) {
            return List.of();
        }
        String key = Similarity.key(text);
        List<Long> ids = index.search(s -> candidates(s, lang, normalized, key, threshold));
        Map<Long, TmUnit> found = units.findByIdIn(ids).stream().collect(Collectors.toMap(TmUnit::id, Function.identity()));
        List<String> words = analyzers.words(normalized, lang);
        List<TmMatch> matches = new ArrayList<>();
        for (Long id : ids) {
            TmUnit u = found.get(id);
            if (u == null || !(u.sourceLang().equals(lang) || u.targetLang().equals(lang))) {
                continue;
            }
            boolean asSource = u.sourceLang().equals(lang);
            if (key.equals(u.key(lang))) {
                boolean inContext = asSource && u.contextKey().equals(context);
                matches.add(new TmMatch(inContext ? TmMatch.Kind.IN_CONTEXT : TmMatch.Kind.EXACT, 100, TmUnitView.of(u, lang)));
            } else {
                // Same words but not the same text (case, punctuation): never shown as 100.
                int score = Math.min(99, (int) Math.floor(100 * Similarity.score(words, analyzers.words(u.side(lang), lang))));
                if (score >= threshold) {
                    matches.add(new TmMatch(TmMatch.Kind.FUZZY, score, TmUnitView.of(u, lang)));
                }
            }
        }
        matches.sort(Comparator.comparing(TmMatch::kind).thenComparing(Comparator.comparingInt(TmMatch::score).reversed())
                .thenComparing(m -> m.unit().updatedAt(), Comparator.reverseOrder()));
        Set<String> translations = new HashSet<>();
        List<TmMatch> distinct = new ArrayList<>();
        for (TmMatch m : matches) {
            // one line per distinct translation: the best-ranked occurrence speaks for the others
            if (distinct.size() < limit && translations.add(Similarity.normalize(m.unit().target()))) {
                distinct.add(m);
            }
        }
        return distinct;
    }

    private List<Long> candidates(IndexSearcher searcher, String lang, String normalized, String key, int threshold)
            throws java.io.IOException {
        Set<String> grams = new LinkedHashSet<>(analyzers.grams(normalized));
        BooleanQuery.Builder shared = new BooleanQuery.Builder();
        int n = 0;
        for (String g : grams) {
            if (n++ == MAX_GRAMS) {
                break;
            }
            shared.add(new ConstantScoreQuery(new TermQuery(new Term(MemoryIndex.gram(lang), g))), BooleanClause.Occur.SHOULD);
        }
        double t = Math.max(0.3, (threshold - 10) / 100.0);
        int edits = (int) Math.ceil((1 - t) / t * normalized.length());
        shared.setMinimumNumberShouldMatch(Math.max(1, Math.min(n, MAX_GRAMS) - 2 * edits));
        BooleanQuery query = new BooleanQuery.Builder()
                .add(shared.build(), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(MemoryIndex.key(lang), key))), 10_000f),
                        BooleanClause.Occur.SHOULD)
                .build();
        List<Long> ids = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(query, CANDIDATES).scoreDocs) {
            ids.add(Long.parseLong(stored.document(hit.doc, Set.of("uid")).get("uid")));
        }
        return ids;
    }
}
