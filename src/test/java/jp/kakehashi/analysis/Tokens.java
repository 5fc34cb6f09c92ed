package jp.kakehashi.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Test helper: "term[start,end]" per token, "+0" for a token stacked on the previous position. */
public final class Tokens {
    private Tokens() {
    }

    public static String of(Analyzer a, String text) throws Exception {
        return of(a, "f", text);
    }

    /** The tokens a per-field analyzer gives this field. */
    public static String of(Analyzer a, String field, String text) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (TokenStream ts = a.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute pos = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(term).append('[').append(off.startOffset()).append(',').append(off.endOffset()).append(']');
                if (pos.getPositionIncrement() == 0) {
                    sb.append("+0");
                }
            }
            ts.end();
        }
        return sb.toString();
    }
}
