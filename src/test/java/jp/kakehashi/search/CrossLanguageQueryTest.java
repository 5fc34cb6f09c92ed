package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.kakehashi.analysis.Chains;
import jp.kakehashi.system.Assets;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

/** One analysis serves two fields of a chain: the copy is the query a second analysis would build. */
class CrossLanguageQueryTest {
    private final Chains chains = new Chains(Assets.packaged());

    @Test
    void aQueryCopiedToAnotherFieldEqualsTheQueryAnalysedForThatField() {
        List<String> texts = new ArrayList<>(List.of("会津若松市", "白河市と姉妹都市提携", "ＪＥＴプログラム", "東京都庁",
                "sister city seminar", "Tōkyō", "city of Lyon", "しらかわ", "ｼﾞｪｯﾄ", "八戸市の物産展 Paris"));
        Random random = new Random(20261201L);
        int[][] ranges = {{0x20, 0x7E}, {0x3040, 0x30FF}, {0x4E00, 0x9FFF}, {0xFF00, 0xFFEF}};
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = random.nextInt(12); j >= 0; j--) {
                int[] r = ranges[random.nextInt(ranges.length)];
                sb.appendCodePoint(r[0] + random.nextInt(r[1] - r[0] + 1));
            }
            texts.add(sb.toString());
        }
        int copied = 0;
        for (String chain : List.of("ja", "ja_read", "en", "en_shingle")) {
            QueryBuilder builder = new QueryBuilder(chains.require(chain));
            for (String text : texts) {
                Query first = builder.createBooleanQuery("a", text, Occur.MUST);
                Query second = builder.createBooleanQuery("b", text, Occur.MUST);
                Query copy = first == null ? null : CrossLanguageQuery.sameFor(first, "b");
                if (copy != null) {
                    assertEquals(second, copy, chain + " " + text);
                    copied++;
                }
            }
        }
        assertTrue(copied > texts.size(), "most queries are of shapes that are copied: " + copied);
    }
}
