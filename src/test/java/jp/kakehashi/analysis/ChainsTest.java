package jp.kakehashi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import jp.kakehashi.system.Assets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.ResourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden tokens with offsets for each chain of analyzers/, like Lucene's own analyzer tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainsTest {
    final Chains chains = new Chains(Assets.packaged());

    @AfterAll
    void close() {
        chains.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        ja      | 会津若松市               | 会津[0,2] 会津若松[0,4]+0 若松[2,4] 市[4,5]
        ja      | 関西国際空港             | 関西[0,2] 関西国際空港[0,6]+0 国際[2,4] 空港[4,6]
        ja      | ｼﾞｪｯﾄ・プログラム        | ジェット[0,5] プログラム[6,11]
        ja      | ＪＥＴプログラム２０２６年 | jet[0,3] プログラム[3,8] 2026[8,12] 年[12,13]
        ja      | 佐々木さんとコンピューター | 佐佐木[0,3] さん[3,5] コンピュータ[6,13]
        ja      | 白河市の姉妹都市          | 白河[0,2] 市[2,3] 姉妹[4,6] 都市[6,8]
        ja      | 東京都と京都             | 東京[0,2] 都[2,3] 京都[4,6]
        ja      | 八戸市で開催した          | 八戸[0,2] 市[2,3] 開催[4,6] する[6,7]
        ja_read | 会津若松市               | aizu[0,2] aizuwakamatsu[0,4]+0 wakamatsu[2,4] shi[4,5]
        ja_read | 関西国際空港             | kansai[0,2] kansaikokusaikuko[0,6]+0 kokusai[2,4] kuko[4,6]
        ja_read | ｼﾞｪｯﾄ・プログラム        | jetto[0,5] puroguramu[6,11]
        ja_read | 白河市の姉妹都市          | shirakawa[0,2] shi[2,3] shimai[4,6] toshi[6,8]
        ja_read | 東京都と京都             | tokyo[0,2] to[2,3] kyoto[4,6]
        ja_read | 八戸市で開催した          | hachinohe[0,2] shi[2,3] kaisai[4,6] shi[6,7]
        ja_read | Tōkyō Toukyou Tokyo      | tokyo[0,5] tokyo[6,13] tokyo[14,19]
        ja_read | shimbun aizu-wakamatsu   | shinbun[0,7] aizu[8,12] wakamatsu[13,22]
        en      | Shirakawa City's visitors | shirakawa[0,9] citi[10,16] visitor[17,25]
        en      | Tōkyō ＴＯＫＹＯ café      | tokyo[0,5] tokyo[6,11] cafe[12,16]
        en      | ｼﾞｪｯﾄ and the JET Programme | ジェット[0,5] jet[14,17] program[18,27]
        en      | The programme organised at the Centre | program[4,13] organ[14,23] center[31,37]
        en      | Programs organized at the center | program[0,8] organ[9,18] center[26,32]
        en_shingle | Sister Cities of Lyon  | sister citi[0,13] citi _[7,17] _ lyon[17,21]
        en_shingle | theatre festival       | theater festiv[0,16]
        en_shingle | Paris                  | ''
        en_read | Shirakawa City's Tōkyō office | shirakawa[0,9] city[10,16] tokyo[17,22] office[23,29]
        en_read | Toukyou Shimbun, AIZU-WAKAMATSU | tokyo[0,7] shinbun[8,15] aizu[17,21] wakamatsu[22,31]
        en_read | ＪＥＴ Programme 2026 ｼﾞｪｯﾄ | jet[0,3] progranme[4,13] 2026[14,18] jetto[19,24]
        """)
    void chainsGiveTheGoldenTokensWithOffsets(String chain, String text, String expected) throws Exception {
        assertEquals(expected, Tokens.of(chains.require(chain), text));
    }

    @Test
    void offsetsPointIntoTheOriginalTextSoHighlightsLandOnTheRightCharacters() throws Exception {
        String text = "　ＪＥＴ参加者が会津若松市を訪問した。";
        for (String chain : Chains.NAMES) {
            // word pairs (en_shingle) have a space inside the term: read the offsets, not the words
            var offsets = java.util.regex.Pattern.compile("\\[(\\d+),(\\d+)]")
                    .matcher(Tokens.of(chains.require(chain), text));
            while (offsets.find()) {
                int start = Integer.parseInt(offsets.group(1));
                int end = Integer.parseInt(offsets.group(2));
                assertTrue(0 <= start && start < end && end <= text.length(), chain + " " + offsets.group());
            }
        }
        assertEquals("会津若松市".length(), text.indexOf("を") - text.indexOf("会"));
    }

    @Test
    void kanaWithoutAReadingIsRomanisedLikeKuromojiReadings() throws Exception {
        for (String[] c : new String[][] {{"しらかわ", "shirakawa"}, {"はちのへ", "hachinohe"}, {"とうきょう", "tokyo"},
                {"シンブン", "shinbun"}, {"shimbun", "shinbun"}}) {
            var tokenizer = new org.apache.lucene.analysis.core.KeywordTokenizer();
            tokenizer.setReader(new java.io.StringReader(c[0]));
            try (var ts = new RomajiNormalizeFilter(tokenizer)) {
                var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                ts.reset();
                assertTrue(ts.incrementToken());
                assertEquals(c[1], term.toString(), c[0]);
                ts.end();
            }
        }
    }

    @Test
    void randomTextNeverMakesAChainThrow() throws Exception {
        Random random = new Random(20261122L);
        int[][] ranges = {{0x20, 0x7E}, {0x3000, 0x30FF}, {0x4E00, 0x9FFF}, {0xFF00, 0xFFEF}, {0x0300, 0x036F},
            {0x3200, 0x33FF}, {0x1F300, 0x1FAFF}, {0x0, 0x1F}, {0xD800, 0xDFFF}};
        for (int i = 0; i < 2000; i++) {
            String text = Tokens.random(random, ranges, random.nextInt(i % 100 == 0 ? 5000 : 60));
            for (String chain : Chains.NAMES) {
                Tokens.of(chains.require(chain), text);
            }
        }
        Analyzer ja = chains.require("ja");
        Tokens.of(ja, "あ".repeat(100_000));
        Tokens.of(ja, "a".repeat(100_000));
    }

    @Test
    void theConfigurationHashIsStableAndCoversTheFiles() {
        assertEquals(chains.configHash(), new Chains(Assets.packaged()).configHash());
        assertEquals(64, chains.configHash().length());
    }

    @Test
    void aBadStepFailsNamingTheFileAndLine() {
        ResourceLoader bad = resources(Map.of("x.chain", "# comment\ntokenizer standard\nfilter noSuchFilter\n"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChainLoader.load(bad, "x.chain"));
        assertTrue(e.getMessage().startsWith("analyzers/x.chain:3:"), e.getMessage());
        ResourceLoader badParam = resources(Map.of("y.chain", "tokenizer standard colour=blue\n"));
        e = assertThrows(IllegalStateException.class, () -> ChainLoader.load(badParam, "y.chain"));
        assertTrue(e.getMessage().startsWith("analyzers/y.chain:1:"), e.getMessage());
        ResourceLoader noEquals = resources(Map.of("z.chain", "tokenizer standard blue\n"));
        e = assertThrows(IllegalStateException.class, () -> ChainLoader.load(noEquals, "z.chain"));
        assertTrue(e.getMessage().contains("z.chain:1: parameter 'blue'"), e.getMessage());
    }

    private static ResourceLoader resources(Map<String, String> files) {
        return new ResourceLoader() {
            @Override
            public InputStream openResource(String resource) throws IOException {
                String text = files.get(resource);
                if (text == null) {
                    throw new IOException("missing " + resource);
                }
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
                throw new UnsupportedOperationException(cname);
            }
        };
    }
}
