package jp.kakehashi.align;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.segment.Segmenter;

/**
 * A translation typed segment by segment, made into what a draft stores: one text and the links
 * between its sentences and the source's. Each row names the source sentences it translates
 * ({@code "0+1"}, or {@code ""} for a sentence the translator added) and holds the translation.
 * Rows of one source paragraph form one target paragraph, joined by a space in English and
 * directly in Japanese; a row with a new paragraph starts a new line.
 *
 * <p>The links are read back from the text, not copied from the rows: the stored text is split by
 * the same sentence rules as every other draft, each target sentence belongs to the row it starts
 * in, and a sentence that runs on into the next row (a row left without a full stop) joins the two
 * rows into one link. So the links always fit the text they are stored with, which is what
 * {@link Link#parseAll} checks when a draft is saved.
 */
public final class Composition {
    private static final Pattern SOURCES = Pattern.compile("(\\d{1,5}(?:\\+\\d{1,5}){0,19})?");

    private Composition() {
    }

    /** One row of the segment editor: {@code sources} as in {@link Link}'s notation, one side. */
    public record Row(String sources, String text) {
    }

    public record Composed(String body, List<String> links) {
    }

    /**
     * Throws {@link IllegalArgumentException} when the rows do not cover the source's sentences
     * exactly once, in order.
     */
    public static Composed compose(String sourceText, String sourceLang, List<Row> rows, String targetLang) {
        List<Segmenter.Segment> source = Segmenter.split(sourceText, sourceLang);
        int[] sourceLine = lines(sourceText, source);
        int n = rows.size();
        int[] from = new int[n];
        int[] to = new int[n];
        int next = 0;
        for (int r = 0; r < n; r++) {
            Matcher m = SOURCES.matcher(rows.get(r).sources() == null ? "" : rows.get(r).sources().strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("row " + (r + 1) + ": not source sentences: " + rows.get(r).sources());
            }
            from[r] = next;
            for (String i : m.group(1) == null ? new String[0] : m.group(1).split("\\+")) {
                if (Integer.parseInt(i) != next) {
                    throw new IllegalArgumentException("row " + (r + 1) + " does not continue at source sentence " + next);
                }
                next++;
            }
            to[r] = next;
        }
        if (next != source.size()) {
            throw new IllegalArgumentException("the rows cover " + next + " of " + source.size() + " source sentences");
        }
        // the text: rows joined, a new line where the source starts a new paragraph
        StringBuilder body = new StringBuilder();
        int[] start = new int[n];
        int[] end = new int[n];
        int paragraph = -1;
        String space = "ja".equals(targetLang) ? "" : " ";
        for (int r = 0; r < n; r++) {
            String text = rows.get(r).text() == null ? "" : rows.get(r).text().replaceAll("\\s+", " ").strip();
            int p = from[r] < to[r] ? sourceLine[from[r]] : Math.max(paragraph, 0);
            if (!text.isEmpty()) {
                if (body.isEmpty()) {
                    paragraph = p;
                } else if (p != paragraph) {
                    body.append('\n');
                    paragraph = p;
                } else {
                    body.append(space);
                }
            }
            start[r] = body.length();
            body.append(text);
            end[r] = body.length();
        }
        return new Composed(body.toString(), links(body.toString(), targetLang, from, to, start, end));
    }

    private static List<String> links(String body, String targetLang, int[] from, int[] to, int[] start, int[] end) {
        List<Segmenter.Segment> target = Segmenter.split(body, targetLang);
        int n = from.length;
        // group[r]: the first row of the link row r ends up in
        int[] group = new int[n];
        int[] firstSentence = new int[n];
        int[] sentences = new int[n];
        for (int r = 0; r < n; r++) {
            group[r] = r;
        }
        for (int j = 0; j < target.size(); j++) {
            int owner = rowAt(target.get(j).start(), start, end);
            int last = rowAt(target.get(j).end() - 1, start, end);
            for (int r = owner + 1; r <= last; r++) {
                group[r] = group[owner];
            }
            if (sentences[group[owner]]++ == 0) {
                firstSentence[group[owner]] = j;
            }
        }
        List<String> links = new ArrayList<>();
        for (int r = 0; r < n; ) {
            int g = r;
            int last = r;
            while (last + 1 < n && group[last + 1] == g) {
                last++;
            }
            int sentencesOfGroup = 0;
            int first = -1;
            for (int k = g; k <= last; k++) {
                if (sentences[k] > 0 && first < 0) {
                    first = firstSentence[k];
                }
                sentencesOfGroup += sentences[k];
            }
            if (from[g] < to[last] || sentencesOfGroup > 0) {
                links.add(new Link(from[g], to[last], Math.max(first, 0),
                        Math.max(first, 0) + sentencesOfGroup).toString());
            }
            r = last + 1;
        }
        return links;
    }

    /** The row whose text holds {@code offset}. */
    private static int rowAt(int offset, int[] start, int[] end) {
        for (int r = 0; r < start.length; r++) {
            if (offset >= start[r] && offset < end[r]) {
                return r;
            }
        }
        throw new IllegalStateException("offset " + offset + " outside every row");
    }

    /** The line (paragraph) each sentence starts on. */
    private static int[] lines(String text, List<Segmenter.Segment> sentences) {
        int[] lines = new int[sentences.size()];
        int line = 0;
        int at = 0;
        for (int i = 0; i < sentences.size(); i++) {
            for (; at < sentences.get(i).start(); at++) {
                line += text.charAt(at) == '\n' ? 1 : 0;
            }
            lines[i] = line;
        }
        return lines;
    }
}
