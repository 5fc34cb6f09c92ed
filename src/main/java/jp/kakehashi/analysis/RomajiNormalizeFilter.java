package jp.kakehashi.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.dict.ToStringUtil;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Makes romaji spellings meet: long vowels collapse (oo/ou → o, uu → u, ei → e, aa → a, ii → i),
 * {@code m} before b/m/p becomes {@code n} (shimbun = shinbun), hyphens and apostrophes go. Applied
 * to Kuromoji readings and Latin queries alike, so toukyou, tôkyô and tokyo are one term.
 *
 * <p>Tokens still in kana are words Kuromoji had no reading for (しらかわ typed for 白河): they are
 * romanised with Kuromoji's own romanisation, so they meet the readings of the same word in kanji.
 */
public final class RomajiNormalizeFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public RomajiNormalizeFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        romaniseKana();
        char[] buf = term.buffer();
        int len = term.length();
        int out = 0;
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            if (c == '-' || c == '\'') {
                continue;
            }
            if (out > 0 && isLongVowel(buf[out - 1], c)) {
                continue;
            }
            if (c == 'm' && i + 1 < len && (buf[i + 1] == 'b' || buf[i + 1] == 'm' || buf[i + 1] == 'p') && out > 0) {
                c = 'n';
            }
            buf[out++] = c;
        }
        if (out == 0) {
            out = len;
        } else {
            term.setLength(out);
        }
        return true;
    }

    private void romaniseKana() {
        boolean kana = false;
        char[] buf = term.buffer();
        StringBuilder katakana = new StringBuilder(term.length());
        for (int i = 0; i < term.length(); i++) {
            char c = buf[i];
            if (c >= '\u3041' && c <= '\u3096') {
                c = (char) (c + 0x60);
                kana = true;
            } else if (c >= '\u30A1' && c <= '\u30FA' || c == '\u30FC') {
                kana = true;
            }
            katakana.append(c);
        }
        if (kana) {
            // Kuromoji writes long vowels with macrons (tōkyō); fold them as the chains' asciiFolding does.
            String romaji = java.text.Normalizer.normalize(ToStringUtil.getRomanization(katakana.toString()),
                    java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT);
            term.setEmpty().append(romaji);
        }
    }

    private static boolean isLongVowel(char previous, char c) {
        return (previous == 'o' && (c == 'o' || c == 'u')) || (previous == 'u' && c == 'u')
                || (previous == 'e' && c == 'i') || (previous == 'a' && c == 'a') || (previous == 'i' && c == 'i');
    }
}
