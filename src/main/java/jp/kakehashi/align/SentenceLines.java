package jp.kakehashi.align;

import java.util.List;
import jp.kakehashi.segment.Segmenter;

/** Which lines (paragraphs) of a text each of its sentences starts and ends on, in one pass. */
public final class SentenceLines {
    private SentenceLines() {
    }

    /** {@code [sentence] → {first line, last line}}, lines counted from 0 by '\n'. */
    public static int[][] of(String text, List<Segmenter.Segment> sentences) {
        int[][] lines = new int[sentences.size()][];
        int line = 0;
        int at = 0;
        for (int i = 0; i < sentences.size(); i++) {
            Segmenter.Segment s = sentences.get(i);
            for (; at < s.start(); at++) {
                line += text.charAt(at) == '\n' ? 1 : 0;
            }
            int first = line;
            for (; at < s.end(); at++) {
                line += text.charAt(at) == '\n' ? 1 : 0;
            }
            lines[i] = new int[] {first, line};
        }
        return lines;
    }
}
