package jp.kakehashi.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The top hits by score and the facet counts of every match, in one pass over the matches.
 *
 * <p>Facets need every match, so Lucene's skipping of blocks that cannot reach the top is of no use
 * here, and collecting top hits and facets together ({@code MultiCollectorManager}) scored every
 * match: under wrk, scoring was over half of the time in Lucene and a third of the service's CPU
 * (JFR). What this keeps of the skipping is its bound: the postings' impacts give the highest score
 * any document of a block can have, and a match is scored only when that bound could still beat the
 * lowest of a full top. Matches come in doc id order and a tie goes to the lower id (as in
 * {@code TopScoreDocCollector}), so a match whose bound is not above the lowest score cannot enter,
 * and the top is the one scoring everything gives.
 */
final class TopHits {
    private TopHits() {
    }

    /** {@code scored} is how many matches were scored, for tests and profiles. */
    record Result(TopDocs top, Facets.Counts facets, long scored) {
    }

    static Result search(IndexSearcher searcher, Query query, int wanted) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
        HitQueue queue = new HitQueue(wanted, true);
        ScoreDoc lowest = queue.top();
        Facets facets = new Facets();
        Facets.Counter counter = facets.newCollector();
        long hits = 0;
        long scored = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            LeafCollector counts = counter.getLeafCollector(leaf);
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator matches = scorer.iterator();
            int blockEnd = -1;
            float blockMax = Float.POSITIVE_INFINITY;
            for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                hits++;
                counts.collect(doc);
                // the first `wanted` scores each replace a sentinel, so from here the top is full
                if (scored >= wanted) {
                    if (doc > blockEnd) {
                        blockEnd = scorer.advanceShallow(doc);
                        blockMax = scorer.getMaxScore(blockEnd);
                    }
                    if (blockMax <= lowest.score) {
                        continue;
                    }
                }
                float score = scorer.score();
                scored++;
                if (score > lowest.score) {
                    lowest.doc = leaf.docBase + doc;
                    lowest.score = score;
                    lowest = queue.updateTop();
                }
            }
        }
        return new Result(topDocs(queue, (int) Math.min(hits, wanted), hits), facets.reduce(List.of(counter)), scored);
    }

    private static TopDocs topDocs(HitQueue queue, int size, long hits) {
        // the queue was filled with sentinels; the ones no match replaced come out first
        for (int i = queue.size() - size; i > 0; i--) {
            queue.pop();
        }
        ScoreDoc[] docs = new ScoreDoc[size];
        for (int i = size - 1; i >= 0; i--) {
            docs[i] = queue.pop();
        }
        return new TopDocs(new TotalHits(hits, TotalHits.Relation.EQUAL_TO), docs);
    }
}
