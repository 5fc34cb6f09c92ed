package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The snippet scorer must rank passages exactly as Lucene's does: the same float, bit for bit. */
class SnippetScorerTest {
    private static final String[] TERMS = {"shirakawa", "白河", "sister", "citi", "姉妹都市", "paris", "x", ""};

    @Test
    void everyRandomPassageGetsLucenesScoreBitForBit() {
        Random random = new Random(20261202L);
        PassageScorer lucene = new PassageScorer();
        SnippetScorer ours = new SnippetScorer();
        for (int i = 0; i < 20_000; i++) {
            Passage p = new Passage();
            int start = random.nextInt(i % 50 == 0 ? 60_000 : 2_000);
            int length = 1 + random.nextInt(i % 50 == 0 ? 5_000 : 300);
            p.setStartOffset(start);
            p.setEndOffset(start + length);
            int matches = random.nextInt(i % 100 == 0 ? 400 : 8);
            int distinct = 1 + random.nextInt(TERMS.length);
            for (int m = 0; m < matches; m++) {
                int at = start + random.nextInt(length);
                // equal terms as distinct BytesRef objects, as the highlighter's offsets enums hand them over
                p.addMatch(at, Math.min(at + 2, start + length), new BytesRef(TERMS[random.nextInt(distinct)]),
                        1 + random.nextInt(40));
            }
            int contentLength = start + length + random.nextInt(10_000);
            assertEquals(Float.floatToIntBits(lucene.score(p, contentLength)),
                    Float.floatToIntBits(ours.score(p, contentLength)), p.toString());
        }
    }

    @Test
    void aPassageWithoutMatchesScoresZeroLikeLucenes() {
        Passage p = new Passage();
        p.setStartOffset(0);
        p.setEndOffset(10);
        assertEquals(new PassageScorer().score(p, 100), new SnippetScorer().score(p, 100));
    }
}
