package jp.kakehashi.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import jp.kakehashi.system.Assets;

/**
 * Lucene's own contract checks for the project's token filters and for every analysis chain, as
 * Lucene's modules test theirs: random text of every kind (including broken surrogates and huge
 * tokens) through {@code checkRandomData}, which asserts that offsets never go backwards or past the
 * text, position increments and lengths are sane, {@code reset}/{@code end}/{@code close} are
 * honoured, and the same analyzer gives the same tokens from several threads at once. Written as a
 * Lucene test case (JUnit 4, randomized runner), so a failure prints the seed that reproduces it:
 * {@code ./mvnw test -Dtest=TestCustomFiltersRandomData -Dtests.seed=…}.
 */
public class TestCustomFiltersRandomData extends BaseTokenStreamTestCase {

    public void testRomajiNormalizeFilterKeepsTheTokenStreamContract() throws IOException {
        for (Tokenizers t : Tokenizers.values()) {
            try (Analyzer a = analyzer(t, true)) {
                checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
                checkRandomData(random(), a, 10 * RANDOM_MULTIPLIER, 2048);
            }
        }
    }

    public void testCjkSkippingAsciiFoldingFilterKeepsTheTokenStreamContract() throws IOException {
        for (Tokenizers t : Tokenizers.values()) {
            try (Analyzer a = analyzer(t, false)) {
                checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
                checkRandomData(random(), a, 10 * RANDOM_MULTIPLIER, 2048);
            }
        }
    }

    public void testEmptyTermsPassThrough() throws IOException {
        for (boolean romaji : new boolean[] {true, false}) {
            try (Analyzer a = analyzer(Tokenizers.KEYWORD, romaji)) {
                checkOneTerm(a, "", "");
            }
        }
    }

    public void testEveryChainKeepsTheTokenStreamContract() throws IOException {
        Chains chains = new Chains(Assets.packaged());
        for (String name : Chains.NAMES) {
            Analyzer a = chains.require(name);
            checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER);
            checkRandomData(random(), a, 5 * RANDOM_MULTIPLIER, 1024);
        }
    }

    /** The tokenizers the filters see in the chains, plus the whole text as one token. */
    private enum Tokenizers { WHITESPACE, STANDARD, KEYWORD, KUROMOJI_BIGRAMS }

    private static Analyzer analyzer(Tokenizers kind, boolean romaji) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = switch (kind) {
                    case WHITESPACE -> new WhitespaceTokenizer();
                    case STANDARD -> new StandardTokenizer();
                    case KEYWORD -> new KeywordTokenizer();
                    case KUROMOJI_BIGRAMS -> new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.SEARCH);
                };
                var stream = kind == Tokenizers.KUROMOJI_BIGRAMS ? new CJKBigramFilter(t) : t;
                return new TokenStreamComponents(t, romaji ? new RomajiNormalizeFilter(stream)
                        : new CjkSkippingAsciiFoldingFilter(stream));
            }
        };
    }
}
