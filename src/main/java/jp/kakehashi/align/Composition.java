package jp.kakehashi.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.segment.Blocks;
import jp.kakehashi.segment.Segmenter;

/**
 * A translation typed segment by segment, made into what a draft stores: one text and the links
 * between its sentences and the source's. Each row names the source sentences it translates
 * ({@code "0+1"}, or {@code ""} for a sentence the translator added) and holds the translation.
 * Rows of one source paragraph form one target paragraph, joined by a space in English and
 * directly in Japanese; a row with a new paragraph starts a new line. A source line's notation
 * ({@link Blocks}) is the target line's: the heading or list marker is copied, and the rows of a
 * table row's cells fill the same cells, an untranslated cell staying empty.
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
        int[] sourceLine = Arrays.stream(SentenceLines.of(sourceText, source)).mapToInt(l -> l[0]).toArray();
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
        // the text: rows joined, a new line where the source starts a new line, in the source line's notation
        List<Blocks.Block> blocks = Blocks.of(sourceText);
        int[] sourceCell = cells(blocks, source, sourceLine);
        List<Line> lines = new ArrayList<>();
        Line[] owner = new Line[n];
        int[] cellOf = new int[n];
        int[] start = new int[n];
        int[] end = new int[n];
        Line current = null;
        int cell = 0;
        String space = "ja".equals(targetLang) ? "" : " ";
        for (int r = 0; r < n; r++) {
            String text = rows.get(r).text() == null ? "" : rows.get(r).text().replaceAll("\\s+", " ").strip();
            int p = from[r] < to[r] ? sourceLine[from[r]] : current == null ? 0 : current.block.line();
            cell = from[r] < to[r] ? sourceCell[from[r]] : cell;
            if (text.isEmpty()) {
                continue;
            }
            if (current == null || current.block.line() != p) {
                current = new Line(blocks.get(p));
                lines.add(current);
            }
            StringBuilder c = current.cell(cell);
            if (!c.isEmpty()) {
                c.append(space);
            }
            owner[r] = current;
            cellOf[r] = cell;
            start[r] = c.length();
            c.append(current.block.kind() == Blocks.Kind.TABLE_ROW ? Blocks.cell(text) : text);
            end[r] = c.length();
        }
        StringBuilder body = new StringBuilder();
        for (Line line : lines) {
            if (!body.isEmpty()) {
                body.append('\n');
            }
            line.at = body.length();
            body.append(Blocks.line(line.block.kind(), line.block.marker(),
                    line.cells.stream().map(StringBuilder::toString).toList()));
        }
        for (int r = 0; r < n; r++) {
            int at = owner[r] == null ? -1 : owner[r].at + owner[r].offsetOf(cellOf[r]);
            start[r] = owner[r] == null ? -1 : at + start[r];
            end[r] = owner[r] == null ? -1 : at + end[r];
        }
        return new Composed(body.toString(), links(body.toString(), targetLang, from, to, start, end));
    }

    /** A target line being composed: the source line's block and its cells' texts. */
    private static final class Line {
        final Blocks.Block block;
        final List<StringBuilder> cells = new ArrayList<>();
        int at;

        Line(Blocks.Block block) {
            this.block = block;
            for (int i = 0; i < Math.max(1, block.content().size()); i++) {
                cells.add(new StringBuilder());
            }
        }

        StringBuilder cell(int i) {
            return cells.get(Math.min(i, cells.size() - 1));
        }

        /** Where cell {@code i} starts in the line as {@link Blocks#line} writes it. */
        int offsetOf(int i) {
            if (block.kind() != Blocks.Kind.TABLE_ROW) {
                return block.marker().length();
            }
            int offset = 2;
            for (int k = 0; k < Math.min(i, cells.size() - 1); k++) {
                offset += cells.get(k).length() + 3;
            }
            return offset;
        }
    }

    /** The cell (content range of its line) each source sentence starts in. */
    private static int[] cells(List<Blocks.Block> blocks, List<Segmenter.Segment> sentences, int[] lineOf) {
        int[] cells = new int[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            List<int[]> content = blocks.get(lineOf[i]).content();
            for (int c = 0; c < content.size(); c++) {
                if (sentences.get(i).start() >= content.get(c)[0] && sentences.get(i).start() < content.get(c)[1]) {
                    cells[i] = c;
                }
            }
        }
        return cells;
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

}
