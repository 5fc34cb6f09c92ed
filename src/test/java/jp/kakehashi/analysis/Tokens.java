package jp.kakehashi.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

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

    /**
     * Everything IndexWriter reads from a stream, to compare two streams exactly: per token the term,
     * offsets, position increment and length and type, then the final offset {@code end()} leaves.
     */
    public static String exactly(TokenStream ts) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (ts) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute pos = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                sb.append(term).append('[').append(off.startOffset()).append(',').append(off.endOffset())
                        .append(" +").append(pos.getPositionIncrement())
                        .append(" len").append(length.getPositionLength())
                        .append(' ').append(type.type()).append("] ");
            }
            ts.end();
            sb.append("end ").append(off.endOffset()).append(" +").append(pos.getPositionIncrement());
        }
        return sb.toString();
    }

    /** {@code length} code points, each from one of {@code ranges} ({from, to} inclusive): hostile text. */
    public static String random(java.util.Random random, int[][] ranges, int length) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < length; j++) {
            int[] r = ranges[random.nextInt(ranges.length)];
            sb.appendCodePoint(r[0] + random.nextInt(r[1] - r[0] + 1));
        }
        return sb.toString();
    }
}
