package jp.kakehashi.memory;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

/**
 * Concordance: every unit whose side in a language contains a phrase, with where (UTF-16 offsets
 * into that side, from Lucene's match offsets, so width-folded ＪＥＴ is highlighted where it stands).
 * Japanese phrases match as runs of characters, English ones as runs of words.
 */
@Singleton
public class Concordance {
    private final MemoryIndex index;
    private final MemoryAnalyzers analyzers;
    private final TmRepository units;

    Concordance(MemoryIndex index, MemoryAnalyzers analyzers, TmRepository units) {
        this.index = index;
        this.analyzers = analyzers;
        this.units = units;
    }

    @Serdeable
    public record Span(int start, int end) {
    }

    @Serdeable
    public record Hit(TmUnitView unit, List<Span> highlights) {
    }

    @Serdeable
    public record Result(String q, String lang, long total, List<Hit> hits) {
    }

    private record Found(long id, List<Span> spans) {
    }

    Result search(String q, String lang, int limit) {
        List<String> tokens = analyzers.concordance(q, lang);
        if (tokens.isEmpty()) {
            return new Result(q, lang, 0, List.of());
        }
        String field = MemoryIndex.text(lang);
        Query query;
        if (tokens.size() == 1) {
            query = new TermQuery(new Term(field, tokens.getFirst()));
        } else {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (String t : tokens) {
                phrase.add(new Term(field, t));
            }
            query = phrase.build();
        }
        long[] total = new long[1];
        List<Found> found = index.search(s -> {
            TopDocs top = s.search(query, limit);
            total[0] = top.totalHits.value();
            return spans(s, query, field, top);
        });
        Map<Long, TmUnit> byId = units.findByIdIn(found.stream().map(Found::id).toList()).stream()
                .collect(Collectors.toMap(TmUnit::id, Function.identity()));
        List<Hit> hits = new ArrayList<>();
        for (Found f : found) {
            TmUnit u = byId.get(f.id());
            if (u != null) {
                hits.add(new Hit(TmUnitView.of(u, lang), f.spans()));
            }
        }
        return new Result(q, lang, total[0], hits);
    }

    private static List<Found> spans(IndexSearcher s, Query query, String field, TopDocs top) throws IOException {
        Weight weight = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        var stored = s.storedFields();
        List<Found> found = new ArrayList<>();
        for (ScoreDoc d : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
            List<Span> spans = new ArrayList<>();
            Matches matches = weight.matches(leaf, d.doc - leaf.docBase);
            MatchesIterator it = matches == null ? null : matches.getMatches(field);
            while (it != null && it.next()) {
                spans.add(new Span(it.startOffset(), it.endOffset()));
            }
            found.add(new Found(Long.parseLong(stored.document(d.doc, Set.of("uid")).get("uid")), spans));
        }
        return found;
    }
}
