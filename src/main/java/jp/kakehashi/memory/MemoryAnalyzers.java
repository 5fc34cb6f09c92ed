package jp.kakehashi.memory;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakehashi.analysis.ChainLoader;
import jp.kakehashi.analysis.PrefixResourceLoader;
import jp.kakehashi.system.Assets;
import jp.kakehashi.system.Hashes;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The memory's analysis chains ({@code analyzers/tm/}): bigrams for finding candidates, words for
 * scoring them, characters (ja) and words (en) for concordance. Their files feed {@link #hash()},
 * which the memory index stores; a change rebuilds it from MariaDB on the next start.
 */
@Singleton
class MemoryAnalyzers implements AutoCloseable {
    static final List<String> FILES = List.of("tm/gram.chain", "tm/concordance_ja.chain", "tm/words_ja.chain",
            "tm/words_en.chain", "ja/userdict_ja.txt");
    private final Analyzer gram;
    private final Analyzer concordanceJa;
    private final Analyzer wordsJa;
    private final Analyzer wordsEn;
    private final Analyzer index;
    private final String hash;

    MemoryAnalyzers(Assets assets) {
        var resources = new PrefixResourceLoader("analyzers/", assets);
        gram = ChainLoader.load(resources, "tm/gram.chain");
        concordanceJa = ChainLoader.load(resources, "tm/concordance_ja.chain");
        wordsJa = ChainLoader.load(resources, "tm/words_ja.chain");
        wordsEn = ChainLoader.load(resources, "tm/words_en.chain");
        index = new PerFieldAnalyzerWrapper(gram, Map.of(MemoryIndex.text("ja"), concordanceJa,
                MemoryIndex.text("en"), wordsEn));
        StringBuilder all = new StringBuilder();
        for (String f : resources.filesAndOthersOpened(FILES)) {
            all.append(f).append('\u0000').append(ChainLoader.read(resources, f)).append('\u0000');
        }
        hash = Hashes.sha256(all.toString());
    }

    Analyzer index() {
        return index;
    }

    String hash() {
        return hash;
    }

    List<String> grams(String text) {
        return terms(gram, text);
    }

    List<String> words(String text, String lang) {
        return terms("ja".equals(lang) ? wordsJa : wordsEn, text);
    }

    /** The concordance tokens of a phrase, in the language's concordance analysis. */
    List<String> concordance(String text, String lang) {
        return terms("ja".equals(lang) ? concordanceJa : wordsEn, text);
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @PreDestroy
    @Override
    public void close() {
        for (Analyzer a : List.of(index, gram, concordanceJa, wordsJa, wordsEn)) {
            a.close();
        }
    }
}
