package jp.kakehashi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Normalizer2;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import jp.kakehashi.bench.CorpusGenerator;
import jp.kakehashi.system.Assets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.ResourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One tokenization for two chains must give each chain exactly the tokens it gives on its own:
 * terms, offsets, positions, types and the final offset, on bulletin-like text and random text.
 */
class SharedAnalysisTest {
    private static final Chains CHAINS = new Chains(Assets.packaged());

    @AfterAll
    static void close() {
        CHAINS.close();
    }

    @Test
    void theJapaneseChainsShareKuromojiAndTheEnglishChainsShareTheirWordsButJapaneseAndEnglishDoNot() {
        assertEquals(1, SharedAnalysis.of(CHAINS.require("ja"), CHAINS.require("ja_read")).orElseThrow()
                .sharedFilters(), "the part-of-speech stop runs once for both");
        assertTrue(SharedAnalysis.of(CHAINS.require("en"), CHAINS.require("en_shingle"), CHAINS.require("en_read"))
                .isPresent());
        assertFalse(SharedAnalysis.of(CHAINS.require("ja"), CHAINS.require("en")).isPresent());
        assertFalse(SharedAnalysis.of(CHAINS.require("en"), CHAINS.require("ja_read")).isPresent());
    }

    @Test
    void sharedTokensAreExactlyThoseOfEachChainRunApart() throws Exception {
        List<String> texts = texts();
        assertEqualsApart(texts, "ja", "ja_read");
        assertEqualsApart(texts, "en", "en_read");
        assertEqualsApart(texts, "en", "en_shingle", "en_read");
    }

    /**
     * ja drops by part of speech before it takes base forms, so the step is shared with ja_read and
     * the dropped words never reach either chain's own steps; the base form reads no part of speech,
     * so the tokens are those of the other order.
     */
    @Test
    void theJapaneseChainGivesTheTokensOfBaseFormsBeforeThePartOfSpeechStop() throws Exception {
        ResourceLoader files = new PrefixResourceLoader("analyzers/", Assets.packaged());
        String chain = ChainLoader.read(files, "ja.chain");
        String pos = "filter japanesePartOfSpeechStop tags=ja/stoptags_ja.txt\n";
        String base = "filter japaneseBaseForm\n";
        assertTrue(chain.indexOf(pos) >= 0 && chain.indexOf(pos) < chain.indexOf(base), chain);
        String swapped = chain.replace(pos, "").replace(base, base + pos);
        try (Analyzer other = ChainLoader.load(new ResourceLoader() {
            @Override
            public InputStream openResource(String resource) throws IOException {
                return resource.equals("swapped.chain")
                        ? new ByteArrayInputStream(swapped.getBytes(StandardCharsets.UTF_8)) : files.openResource(resource);
            }

            @Override
            public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
                return files.findClass(cname, expectedType);
            }
        }, "swapped.chain")) {
            for (String text : texts()) {
                assertEquals(Tokens.exactly(other.tokenStream("f", text)),
                        Tokens.exactly(CHAINS.require("ja").tokenStream("f", text)), text);
            }
        }
    }

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of("", "金沢市の姉妹都市交流セミナーを開催しました。",
                "JETプログラム参加者がパリ事務所を訪問", "The sister city of Lyon met the Kanazawa City council.",
                "Japan's ２０２６年 programme, e.g. 'Cool Japan' — and of the of"));
        for (var b : CorpusGenerator.bulletins(20261202L, 40)) {
            for (var p : b.pairList()) {
                texts.addAll(List.of(p.source().title(), p.source().body(), p.target().title(), p.target().body()));
            }
        }
        Random random = new Random(20261202L);
        int[][] ranges = {{0x20, 0x7E}, {0x3040, 0x30FF}, {0x4E00, 0x9FFF}, {0xFF00, 0xFFEF}, {0x0300, 0x036F},
            {0x1F300, 0x1FAFF}, {0x0, 0x1F}};
        for (int i = 0; i < 400; i++) {
            texts.add(Tokens.random(random, ranges, random.nextInt(i % 50 == 0 ? 3000 : 80)));
        }
        return texts;
    }

    @Test
    void aTextWithAnIterationMarkOnlyOneChainFoldsIsLeftToEachChain() {
        SharedAnalysis ja = SharedAnalysis.of(CHAINS.require("ja"), CHAINS.require("ja_read")).orElseThrow();
        assertTrue(ja.split("佐々木さんが代々木を訪問").isEmpty());
        assertTrue(ja.split("こゝろ").isEmpty());
        assertTrue(ja.split("佐藤さんが代官山を訪問").isPresent());
        SharedAnalysis en = SharedAnalysis.of(CHAINS.require("en"), CHAINS.require("en_read")).orElseThrow();
        assertTrue(en.split("佐々木 visited Yoyogi").isPresent());
    }

    /** Why looking for the marks in the text as stored is enough: NFKC (before the fold) makes none. */
    @Test
    void noCharacterBecomesAnIterationMarkUnderNfkcCasefold() {
        Normalizer2 nfkc = Normalizer2.getNFKCCasefoldInstance();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String s = Character.toString(cp);
            if (SharedAnalysis.hasIterationMark(nfkc.normalize(s))) {
                assertTrue(SharedAnalysis.hasIterationMark(s), "U+" + Integer.toHexString(cp));
            }
        }
    }

    private static void assertEqualsApart(List<String> texts, String... names) throws Exception {
        Analyzer[] chains = new Analyzer[names.length];
        for (int i = 0; i < names.length; i++) {
            chains[i] = CHAINS.require(names[i]);
        }
        SharedAnalysis shared = SharedAnalysis.of(chains).orElseThrow();
        int split = 0;
        for (String text : texts) {
            Optional<TokenStream[]> streams = shared.split(text);
            if (streams.isEmpty()) {
                continue;
            }
            split++;
            // in the order IndexWriter reads them: the first share, then the replays
            for (int i = 0; i < names.length; i++) {
                assertEquals(Tokens.exactly(chains[i].tokenStream("f", text)), Tokens.exactly(streams.get()[i]),
                        names[i] + ": " + text);
            }
        }
        assertTrue(split > texts.size() * 3 / 4, names[0] + ": " + split + " of " + texts.size() + " texts shared");
    }
}
