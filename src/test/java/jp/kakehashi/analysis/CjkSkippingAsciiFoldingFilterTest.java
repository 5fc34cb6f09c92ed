package jp.kakehashi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.junit.jupiter.api.Test;

/** The skipping fold must be Lucene's ASCII folding, token for token. */
class CjkSkippingAsciiFoldingFilterTest {

    @Test
    void everyCharacterItSkipsIsOneAsciiFoldingLeavesAsItIs() {
        char[] out = new char[4];
        int skipped = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (CjkSkippingAsciiFoldingFilter.kept((char) c)) {
                skipped++;
                int n = ASCIIFoldingFilter.foldToASCII(new char[] {(char) c}, 0, out, 0, 1);
                assertEquals(1, n, "U+" + Integer.toHexString(c));
                assertEquals((char) c, out[0], "U+" + Integer.toHexString(c));
            }
        }
        assertEquals(0x80 + 0xC0 + 0x19C0 + 0x5200 + 0x800, skipped, "ASCII, kana, CJK extension A, CJK, surrogates");
    }

    @Test
    void itGivesTheTokensOfAsciiFoldingOnMixedRandomText() throws Exception {
        Random random = new Random(20261202L);
        int[][] ranges = {{0x20, 0x7E}, {0x00C0, 0x024F}, {0x3040, 0x30FF}, {0x4E00, 0x9FFF}, {0x2000, 0x2BFF},
            {0xFF00, 0xFFEF}, {0x1F300, 0x1FAFF}, {0x20000, 0x2A6DF}, {0x0300, 0x036F}};
        for (int i = 0; i < 2_000; i++) {
            String text = Tokens.random(random, ranges, random.nextInt(i % 100 == 0 ? 5_000 : 60));
            assertEquals(Tokens.exactly(new ASCIIFoldingFilter(tokens(text))),
                    Tokens.exactly(new CjkSkippingAsciiFoldingFilter(tokens(text))), text);
        }
        assertEquals(Tokens.exactly(new ASCIIFoldingFilter(tokens("金沢市 café ＪＥＴ Ærø"))),
                Tokens.exactly(new CjkSkippingAsciiFoldingFilter(tokens("金沢市 café ＪＥＴ Ærø"))));
    }

    private static TokenStream tokens(String text) {
        Tokenizer t = new WhitespaceTokenizer();
        t.setReader(new StringReader(text));
        return t;
    }
}
