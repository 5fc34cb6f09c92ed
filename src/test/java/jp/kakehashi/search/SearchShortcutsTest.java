package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import jp.kakehashi.bench.CorpusGenerator;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shortcuts a search takes must give exactly what the plain way gives, on a real index of
 * generated pairs in several segments with deletions, for the benchmark's query mix:
 * <ul>
 * <li>{@link TopHits}, scoring only what could enter the top: the same hits in the same order with the
 * same scores, the same total and the same facets as scoring every match;
 * <li>{@link ForwardPostingsOffsets}, each term looked up once per segment and its postings walked
 * forward over the hits: the same snippets as Lucene's lookups per hit, where hits share segments
 * (the case the reuse is for) and where they span several.
 * </ul>
 */
class SearchShortcutsTest {
    @TempDir
    static Path dir;
    private static GeneratedIndex index;

    @BeforeAll
    static void index() throws Exception {
        index = new GeneratedIndex(dir);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void theTopOfTheBenchmarksQueriesIsTheTopOfScoringEveryMatchWithoutScoringEveryMatch() throws Exception {
        IndexSearcher searcher = new IndexSearcher(index.reader);
        assertTrue(index.reader.leaves().size() > 1 && index.reader.hasDeletions(),
                "several segments, some deletions");
        long matches = 0;
        long scored = 0;
        for (String q : CorpusGenerator.queries(20261122L, 200)) {
            for (int wanted : new int[] {1, 10, 30}) {
                Query query = index.publicQuery(q);
                Object[] everything = searcher.search(query,
                        new MultiCollectorManager(new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE),
                                new Facets()));
                TopDocs expected = (TopDocs) everything[0];
                TopHits.Result lazy = TopHits.search(searcher, query, wanted);
                assertEquals(expected.totalHits, lazy.top().totalHits, q);
                assertArrayEquals(docs(expected), docs(lazy.top()), q + " top " + wanted);
                assertArrayEquals(scores(expected), scores(lazy.top()), q + " top " + wanted);
                assertEquals(everything[1], lazy.facets(), q);
                matches += expected.totalHits.value();
                scored += lazy.scored();
            }
        }
        assertTrue(matches > 50_000, "the mix matches broadly: " + matches);
        // few postings here span more than one block of impacts, so few matches can be passed over
        // (a fifth of them on the benchmark's 100k pairs); any at all shows the bound is in use
        assertTrue(scored < matches, "scored " + scored + " of " + matches + " matches");
    }

    @Test
    void snippetsFromPostingsWalkedForwardAreTheSnippetsOfLookingUpEveryHit() throws Exception {
        IndexSearcher searcher = new IndexSearcher(index.reader);
        Snippets forward = new Snippets(index.analyzers.indexAnalyzer(), true);
        Snippets lucene = new Snippets(index.analyzers.indexAnalyzer(), false);
        int marked = 0;
        int sharedSegment = 0;
        for (String q : CorpusGenerator.queries(20261122L, 200)) {
            for (int wanted : new int[] {10, 30}) {
                ScoreDoc[] top = TopHits.search(searcher, index.publicQuery(q), wanted).top().scoreDocs;
                int[] docIds = Arrays.stream(top).mapToInt(sd -> sd.doc).toArray();
                Document[] stored = SearchService.stored(searcher, docIds);
                String[][] expected = lucene.highlight(searcher, index.match(q), docIds, stored);
                String[][] actual = forward.highlight(searcher, index.match(q), docIds, stored);
                for (int f = 0; f < Snippets.FIELDS.length; f++) {
                    assertArrayEquals(expected[f], actual[f], q + " top " + wanted + " " + Snippets.FIELDS[f]);
                    marked += (int) Arrays.stream(actual[f]).filter(s -> s != null && s.contains("<mark>")).count();
                }
                sharedSegment += docIds.length - (int) Arrays.stream(docIds)
                        .map(d -> ReaderUtil.subIndex(d, index.reader.leaves())).distinct().count();
            }
        }
        assertTrue(marked > 5_000, "most hits are marked: " + marked);
        assertTrue(sharedSegment > 1_000, "hits share segments: " + sharedSegment);
    }

    private static int[] docs(TopDocs top) {
        return Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray();
    }

    private static float[] scores(TopDocs top) {
        float[] s = new float[top.scoreDocs.length];
        for (int i = 0; i < s.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            s[i] = sd.score;
        }
        return s;
    }
}
