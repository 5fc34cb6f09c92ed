package jp.kakehashi.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage ranking (BM25 over the passage, the same {@link #tf}, {@link #weight} and
 * {@link #norm}, the same terms summed in the same order, so the same float) without its per-passage
 * {@code BytesRefHash}: that hash allocates a 32 KB block for the one to three distinct terms a
 * sentence holds, and every candidate sentence of every highlighted body is scored. Under wrk at
 * 100k pairs that was 22 % of the service's allocation (about 0.8 MB per search request, JFR);
 * a linear scan over the passage's few terms does the same counting.
 */
final class SnippetScorer extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        // distinct terms in order of first sight, as BytesRefHash numbers them
        int[] firstSeen = new int[matches];
        int[] inPassage = new int[matches];
        int distinct = 0;
        next:
        for (int i = 0; i < matches; i++) {
            for (int d = 0; d < distinct; d++) {
                if (terms[firstSeen[d]].bytesEquals(terms[i])) {
                    inPassage[d]++;
                    continue next;
                }
            }
            firstSeen[distinct] = i;
            inPassage[distinct++] = 1;
        }
        double score = 0d;
        for (int d = 0; d < distinct; d++) {
            score += tf(inPassage[d], passage.getLength()) * weight(contentLength, freqsInDoc[firstSeen[d]]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
