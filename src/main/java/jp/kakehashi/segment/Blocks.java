package jp.kakehashi.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block notation of a stored text: every line is a block, and a few line shapes (a subset of
 * Markdown, so that what offices paste from web pages reads the same) mark its kind:
 * <ul>
 *   <li>{@code ## Heading} (one to six {@code #} and a space) — a heading;</li>
 *   <li>{@code - item}, {@code 1. item} — an item of a bulleted or numbered list;</li>
 *   <li>{@code | cell | cell |} — a table row, translated cell by cell;</li>
 *   <li>anything else — a paragraph.</li>
 * </ul>
 * The markers are not text: sentences ({@link Segmenter}) and so alignment, memory, XLIFF and QA
 * see the content ranges only (a cell's text, an item without its bullet), and a translation
 * composed row by row gets the source line's markers back. Keeping structure inside the text,
 * rather than beside it, lets revisions, diffs, search and the free-text editor work unchanged.
 */
public final class Blocks {
    public enum Kind { PARAGRAPH, HEADING, LIST_ITEM, TABLE_ROW }

    private static final Pattern MARKER = Pattern.compile("^(#{1,6} +|- +|\\d{1,3}\\. +)");

    private Blocks() {
    }

    /**
     * A line of the text: its kind, the marker it starts with ({@code "## "}, {@code "- "},
     * {@code "3. "}, or {@code ""}) and its content ranges into the whole text, {@code [start, end)}
     * pairs without surrounding white space; a table row has one per cell, empty cells included.
     */
    public record Block(int line, Kind kind, String marker, List<int[]> content) {
        public List<String> texts(String text) {
            return content.stream().map(r -> text.substring(r[0], r[1])).toList();
        }
    }

    public static List<Block> of(String text) {
        List<Block> blocks = new ArrayList<>();
        if (text == null) {
            return blocks;
        }
        int line = 0;
        for (int at = 0; at <= text.length(); line++) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl;
            blocks.add(block(text, line, at, end));
            at = end + 1;
        }
        return blocks;
    }

    static Block block(String text, int line, int start, int end) {
        int s = skipSpace(text, start, end);
        int e = trimEnd(text, s, end);
        if (e - s >= 2 && text.charAt(s) == '|' && text.charAt(e - 1) == '|') {
            List<int[]> cells = new ArrayList<>();
            int cell = s + 1;
            for (int i = s + 1; i < e; i++) {
                if (text.charAt(i) == '|') {
                    int cs = skipSpace(text, cell, i);
                    cells.add(new int[] {cs, trimEnd(text, cs, i)});
                    cell = i + 1;
                }
            }
            return new Block(line, Kind.TABLE_ROW, "|", cells);
        }
        Matcher m = MARKER.matcher(text).region(s, e);
        if (m.lookingAt()) {
            String marker = m.group(1);
            Kind kind = marker.startsWith("#") ? Kind.HEADING : Kind.LIST_ITEM;
            return new Block(line, kind, marker.strip() + " ", List.of(new int[] {m.end(), e}));
        }
        return new Block(line, Kind.PARAGRAPH, "", List.of(new int[] {s, e}));
    }

    /** A line in the notation: the marker, then the content (cells between pipes for a table row). */
    public static String line(Kind kind, String marker, List<String> content) {
        return switch (kind) {
            case TABLE_ROW -> "| " + String.join(" | ", content.stream().map(Blocks::cell).toList()) + " |";
            case PARAGRAPH -> String.join(" ", content);
            default -> marker + String.join(" ", content);
        };
    }

    /** A pipe inside a cell would end it: it becomes the full-width bar, as Japanese tables write it. */
    public static String cell(String text) {
        return text.replace('|', '｜').replace('\n', ' ').strip();
    }

    private static int skipSpace(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }
}
