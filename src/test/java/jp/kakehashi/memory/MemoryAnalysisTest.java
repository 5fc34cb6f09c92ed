package jp.kakehashi.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Random;
import jp.kakehashi.analysis.Tokens;
import jp.kakehashi.system.Assets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The memory's chains (golden tokens with offsets, random input) and its similarity score. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryAnalysisTest {
    final MemoryAnalyzers analyzers = new MemoryAnalyzers(Assets.packaged());

    @AfterAll
    void close() {
        analyzers.close();
    }

    @Test
    void bigramsAreOfTheFoldedTextWithOffsetsIntoTheOriginal() throws Exception {
        assertEquals("je[0,2] et[1,3] t青[2,4] 青年[3,5]", Tokens.of(analyzers.index(), "ＪＥＴ青年"));
    }

    @Test
    void japaneseConcordanceIsOneTokenPerCharacterAndEnglishOneTokenPerWord() throws Exception {
        assertEquals("姉[0,1] 妹[1,2] 都[2,3] 市[3,4] j[4,5]", Tokens.of(analyzers.index(),
                MemoryIndex.text("ja"), "姉妹都市Ｊ"));
        assertEquals("the[0,3] mayor's[4,11] visit[12,17]", Tokens.of(analyzers.index(),
                MemoryIndex.text("en"), "The Mayor's visit"));
    }

    @Test
    void japaneseScoresCountKuromojiWordsSoTokyoToAndKyotoFuAreTwoWords() {
        assertEquals(List.of("東京", "都", "の", "事業", "を", "開催", "し", "た", "。"),
                analyzers.words("東京都の事業を開催した。", "ja"));
        assertEquals(List.of("京都", "府", "の", "事業"), analyzers.words("京都府の事業", "ja"));
        assertEquals(0.5, Similarity.score(analyzers.words("東京都の事業", "ja"), analyzers.words("京都府の事業", "ja")));
    }

    @Test
    void similarityWeighsWordsByTheirLength() {
        assertEquals(1.0, Similarity.score(List.of("a", "bc"), List.of("a", "bc")));
        assertEquals(1.0, Similarity.score(List.of(), List.of()));
        assertEquals(0.0, Similarity.score(List.of("abc"), List.of()));
        // "city" replaced by "prefecture" costs the longer word, 10 of the longer text's 17 letters
        assertEquals(1 - 10.0 / 17, Similarity.score(List.of("the", "city", "hall"), List.of("the", "prefecture", "hall")), 1e-9);
        assertEquals(1, Similarity.distance(List.of("x", "yy"), List.of("yy")));
    }

    @Test
    void exactKeysFoldWidthAndSpacesButNotWords() {
        assertEquals("JET プログラム", Similarity.normalize(" ＪＥＴ　プログラム \n"));
        assertEquals(Similarity.key("ＪＥＴ　プログラム"), Similarity.key("JET プログラム"));
        assertNotEquals(Similarity.key("JET プログラム"), Similarity.key("JET プログラムを"));
        assertNotEquals(Similarity.contextKey("a", "b"), Similarity.contextKey("ab", ""));
    }

    @Test
    void randomTextNeverMakesAMemoryChainThrow() {
        Random random = new Random(20261122L);
        int[][] ranges = {{0x20, 0x7E}, {0x3000, 0x30FF}, {0x4E00, 0x9FFF}, {0xFF00, 0xFFEF}, {0x0300, 0x036F},
            {0x1F300, 0x1FAFF}, {0x0, 0x1F}, {0xD800, 0xDFFF}};
        for (int i = 0; i < 1000; i++) {
            String text = Tokens.random(random, ranges, random.nextInt(i % 100 == 0 ? 2000 : 60));
            analyzers.grams(text);
            analyzers.concordance(text, "ja");
            Similarity.score(analyzers.words(text, "ja"), analyzers.words(text, "en"));
        }
    }
}
