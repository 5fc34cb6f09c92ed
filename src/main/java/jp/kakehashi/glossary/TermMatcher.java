package jp.kakehashi.glossary;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.analysis.ChainLoader;
import jp.kakehashi.analysis.PrefixResourceLoader;
import jp.kakehashi.system.Assets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Term occurrences found on analysed tokens ({@code analyzers/term_ja.chain}, {@code term_en.chain}),
 * never by substring or whitespace: Japanese has no spaces, and 京都 is a substring of 東京都.
 */
@Singleton
public class TermMatcher {
    private final Analyzer ja;
    private final Analyzer en;

    TermMatcher(Assets assets) {
        var resources = new PrefixResourceLoader("analyzers/", assets);
        this.ja = ChainLoader.load(resources, "term_ja.chain");
        this.en = ChainLoader.load(resources, "term_en.chain");
    }

    /** The tokens of a text with their offsets into it. */
    public record Tokens(List<String> terms, List<int[]> offsets) {
        /** Where {@code phrase} occurs as consecutive tokens: [start offset, end offset] per occurrence. */
        public List<int[]> find(List<String> phrase) {
            List<int[]> found = new ArrayList<>();
            if (phrase.isEmpty()) {
                return found;
            }
            for (int i = 0; i + phrase.size() <= terms.size(); i++) {
                if (terms.subList(i, i + phrase.size()).equals(phrase)) {
                    found.add(new int[] {offsets.get(i)[0], offsets.get(i + phrase.size() - 1)[1]});
                }
            }
            return found;
        }

        public boolean contains(List<String> phrase) {
            return !find(phrase).isEmpty();
        }
    }

    public Tokens tokens(String text, String lang) {
        List<String> terms = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return new Tokens(terms, offsets);
        }
        try (TokenStream ts = ("ja".equals(lang) ? ja : en).tokenStream("term", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
                offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Tokens(terms, offsets);
    }
}
