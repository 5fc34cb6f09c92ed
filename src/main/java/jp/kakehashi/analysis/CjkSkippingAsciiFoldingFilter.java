package jp.kakehashi.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Lucene's ASCII folding without its cost on Japanese words. {@code ASCIIFoldingFilter} sends every
 * token with a non-ASCII character through a switch of ~1,400 cases, character by character, and
 * in the {@code ja} chain that is every word: 4.8 % of a 100k rebuild's samples (JFR), all of it
 * mapping kana and kanji to themselves. Here a token of ASCII, kana and kanji only is left as it
 * is, and any other token is folded by {@code ASCIIFoldingFilter.foldToASCII} itself, so the
 * tokens are the same ({@code CjkSkippingAsciiFoldingFilterTest} checks every skipped character).
 */
public final class CjkSkippingAsciiFoldingFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private char[] output = new char[512];

    public CjkSkippingAsciiFoldingFilter(TokenStream input) {
        super(input);
    }

    /** Characters {@code foldToASCII} leaves as they are: ASCII, kana and the CJK ideograph blocks. */
    static boolean kept(char c) {
        return c < '\u0080' || (c >= '\u3040' && c <= '\u30FF') || (c >= '\u3400' && c <= '\u4DBF')
                || (c >= '\u4E00' && c <= '\u9FFF') || Character.isSurrogate(c);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        for (int i = 0; i < length; i++) {
            if (!kept(buffer[i])) {
                // a folded character may become up to four (ASCIIFoldingFilter sizes it the same way)
                output = ArrayUtil.grow(output, 4 * length);
                int folded = ASCIIFoldingFilter.foldToASCII(buffer, 0, output, 0, length);
                term.copyBuffer(output, 0, folded);
                break;
            }
        }
        return true;
    }
}
