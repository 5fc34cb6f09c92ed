package jp.kakehashi.align;

import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.segment.Segmenter;

/**
 * A text and its translation as rows of paragraphs, for reading them side by side: a paragraph
 * is a line of the text, and paragraphs go into one row when an alignment link joins them (a
 * translator who made two Japanese paragraphs one English one gets one row of two and one). Rows
 * follow the links' order, so each row is a stretch of both texts that translate each other.
 */
public final class Paragraphs {
    private Paragraphs() {
    }

    /** One row: source paragraphs and the target paragraphs that translate them ('' when none). */
    @Serdeable
    public record Row(String source, String target) {
    }

    public static List<Row> rows(Aligner.Alignment a) {
        String[] sourceParagraphs = a.sourceText().split("\n", -1);
        String[] targetParagraphs = a.targetText().split("\n", -1);
        List<Row> rows = new ArrayList<>();
        for (int[] s : spans(a)) {
            rows.add(new Row(join(sourceParagraphs, s[0], s[1]), join(targetParagraphs, s[2], s[3])));
        }
        return rows;
    }

    /** The links of each row: {@code [first, last + 1)} indexes into {@code a.links()}, row by row. */
    public static List<int[]> linkGroups(Aligner.Alignment a) {
        List<int[]> groups = new ArrayList<>();
        for (int[] s : spans(a)) {
            groups.add(new int[] {s[4], s[5]});
        }
        return groups;
    }

    /** Rows as {first source line, last source line, first target line, last target line, first link, end link}. */
    private static List<int[]> spans(Aligner.Alignment a) {
        int[][] sourceLines = SentenceLines.of(a.sourceText(), a.source());
        int[][] targetLines = SentenceLines.of(a.targetText(), a.target());
        List<int[]> spans = new ArrayList<>();
        for (int k = 0; k < a.links().size(); k++) {
            Link l = a.links().get(k);
            // first and last source line, first and last target line (-1 for a side without sentences), links
            int[] span = {-1, -1, -1, -1, k, k + 1};
            if (l.sources() > 0) {
                span[0] = sourceLines[l.sourceFrom()][0];
                span[1] = sourceLines[l.sourceTo() - 1][1];
            }
            if (l.targets() > 0) {
                span[2] = targetLines[l.targetFrom()][0];
                span[3] = targetLines[l.targetTo() - 1][1];
            }
            int[] last = spans.isEmpty() ? null : spans.getLast();
            if (last != null && (span[0] >= 0 && span[0] <= last[1] || span[2] >= 0 && span[2] <= last[3])) {
                // the link continues a paragraph the row already has: the row grows
                last[1] = Math.max(last[1], span[1]);
                last[3] = Math.max(last[3], span[3]);
                last[0] = last[0] < 0 ? span[0] : last[0];
                last[2] = last[2] < 0 ? span[2] : last[2];
                last[5] = k + 1;
            } else {
                spans.add(span);
            }
        }
        return spans;
    }


    private static String join(String[] paragraphs, int from, int to) {
        if (from < 0) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (!paragraphs[i].isBlank()) {
                kept.add(paragraphs[i].strip());
            }
        }
        return String.join("\n", kept);
    }
}
