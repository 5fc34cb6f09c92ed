package jp.kakehashi.search;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import jp.kakehashi.analysis.BilingualTerms;
import jp.kakehashi.glossary.TermIndex;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;

/** Runs a {@link SearchRequest} against the index: filters, top hits, facets, snippets. */
@Singleton
public class SearchService {
    private final SearchIndex index;
    private final Snippets snippets;
    private final Suggestions suggestions;
    private final SearchAnalyzers analyzers;
    private final BilingualTerms terms;
    private final TermIndex glossary;
    private final SearchGate gate;
    private volatile Expansion expansion;

    SearchService(SearchIndex index, SearchAnalyzers analyzers, BilingualTerms terms, TermIndex glossary,
                  SearchGate gate, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.latency = io.micrometer.core.instrument.Timer.builder("kakehashi.search")
                .description("Search requests, from the gate to the result").publishPercentileHistogram()
                .register(metrics);
        this.index = index;
        this.gate = gate;
        this.analyzers = analyzers;
        this.terms = terms;
        this.glossary = glossary;
        this.snippets = new Snippets(analyzers.indexAnalyzer());
        this.suggestions = analyzers.suggestions();
    }

    private final io.micrometer.core.instrument.Timer latency;

    private record Expansion(long generation, CrossLanguageQuery queries) {
    }

    /**
     * The query builder with the bilingual terms of {@code analyzers/} and the glossary's preferred
     * terms for every office; rebuilt when the glossary changes, so a new term widens search at once.
     */
    private CrossLanguageQuery queries() {
        long generation = glossary.generation();
        Expansion e = expansion;
        if (e == null || e.generation() != generation) {
            Map<String, List<String>> merged = new LinkedHashMap<>();
            for (BilingualTerms.Term t : terms.all()) {
                merged.computeIfAbsent(t.ja(), k -> new ArrayList<>()).addAll(t.en());
            }
            for (String[] pair : glossary.preferredPairs()) {
                List<String> en = merged.computeIfAbsent(BilingualTerms.fold(pair[0]), k -> new ArrayList<>());
                String folded = BilingualTerms.fold(pair[1]);
                if (!en.contains(folded)) {
                    en.add(folded);
                }
            }
            List<BilingualTerms.Term> all = merged.entrySet().stream()
                    .map(m -> new BilingualTerms.Term(m.getKey(), List.copyOf(m.getValue()))).toList();
            e = new Expansion(generation, analyzers.queries(all));
            expansion = e;
        }
        return e.queries();
    }

    public SearchResult search(SearchRequest r) {
        return latency.record(() -> gate.run(() -> searchNow(r)));
    }

    /** The same search without the expansions that read the index's terms: SearchBench times it beside. */
    SearchResult searchWithoutExpansions(SearchRequest r) {
        return latency.record(() -> gate.run(() -> searchNow(r, false)));
    }

    private SearchResult searchNow(SearchRequest r) {
        return searchNow(r, true);
    }

    private SearchResult searchNow(SearchRequest r, boolean expand) {
        String text = CrossLanguageQuery.normalise(r.q());
        boolean truncated = text.length() < r.q().strip().length() && !r.q().isBlank()
                && text.codePointCount(0, text.length()) == CrossLanguageQuery.MAX_CHARS;
        boolean japanese = r.lang() == null || r.lang().equals("ja");
        boolean english = r.lang() == null || r.lang().equals("en");
        CrossLanguageQuery queries = queries();
        int wanted = (r.page() + 1) * r.size();
        return index.search(searcher -> {
            Query match = text.isEmpty() ? new MatchAllDocsQuery()
                    : queries.build(text, japanese, english,
                            expand ? new IndexTerms(searcher.getIndexReader()) : IndexTerms.NONE);
            Query query = filtered(match, r);
            TopDocs top;
            Facets.Counts facets;
            if (text.isEmpty()) {
                Object[] results = searcher.search(query, new MultiCollectorManager(new TopFieldCollectorManager(
                        new Sort(new SortField(PairDocument.PUBLISHED, SortField.Type.LONG, true)), wanted, wanted),
                        new Facets()));
                top = (TopDocs) results[0];
                facets = (Facets.Counts) results[1];
            } else {
                TopHits.Result found = TopHits.search(searcher, query, wanted);
                top = found.top();
                facets = found.facets();
            }
            int first = Math.min(r.page() * r.size(), top.scoreDocs.length);
            ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, first, top.scoreDocs.length);
            int[] docIds = java.util.Arrays.stream(page).mapToInt(sd -> sd.doc).toArray();
            Document[] stored = stored(searcher, docIds);
            String[][] marked = snippets.highlight(searcher, match, docIds, stored);
            List<SearchResult.Hit> hits = new ArrayList<>(page.length);
            for (int i = 0; i < page.length; i++) {
                hits.add(hit(stored[i], page[i], marked[0][i], marked[1][i], r.staff()));
            }
            List<String> suggested = top.totalHits.value() == 0 && !text.isEmpty()
                    ? suggestions.suggest(searcher.getIndexReader(), text, r.staff() ? PairDocument.STAFF : PairDocument.PUBLIC)
                    : List.of();
            return new SearchResult(top.totalHits.value(), r.page(), r.size(), text, truncated, hits,
                    Map.of("office", facets.office(), "year", facets.year()), suggested);
        });
    }

    /** The hits' stored fields, read once for the hit views and the snippets alike. */
    static Document[] stored(IndexSearcher searcher, int[] docIds) throws IOException {
        StoredFields storedFields = searcher.storedFields();
        Document[] stored = new Document[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            stored[i] = storedFields.document(docIds[i]);
        }
        return stored;
    }

    private static Query filtered(Query match, SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(match, Occur.MUST);
        b.add(new TermQuery(new Term(PairDocument.VIEW, r.staff() ? PairDocument.STAFF : PairDocument.PUBLIC)),
                Occur.FILTER);
        if (r.office() != null) {
            b.add(new TermQuery(new Term(PairDocument.OFFICE, r.office())), Occur.FILTER);
        }
        if (r.staff() && r.status() != null) {
            b.add(new TermQuery(new Term(PairDocument.STATUS, r.status())), Occur.FILTER);
        }
        if (r.from() != null || r.to() != null) {
            long from = r.from() == null ? Long.MIN_VALUE : r.from().toEpochDay();
            long to = r.to() == null ? Long.MAX_VALUE : r.to().toEpochDay();
            b.add(LongPoint.newRangeQuery(PairDocument.PUBLISHED, from, to), Occur.FILTER);
        }
        return b.build();
    }

    private static SearchResult.Hit hit(Document d, ScoreDoc sd, String jaMarked, String enMarked, boolean staff) {
        return new SearchResult.Hit(Long.parseLong(d.get(PairDocument.PAIR)),
                d.getField(PairDocument.BULLETIN).numericValue().longValue(), d.get(PairDocument.OFFICE),
                LocalDate.ofEpochDay(d.getField(PairDocument.PUBLISHED).numericValue().longValue()),
                Float.isNaN(sd.score) ? 0 : sd.score, staff ? d.get(PairDocument.STATUS) : null,
                side(d.get(PairDocument.JA_TITLE), d.get(PairDocument.JA_BODY), jaMarked),
                side(d.get(PairDocument.EN_TITLE), d.get(PairDocument.EN_BODY), enMarked));
    }

    private static SearchResult.Side side(String title, String body, String marked) {
        if (title == null) {
            return null;
        }
        return new SearchResult.Side(title, marked != null ? marked : Snippets.plain(body));
    }
}
