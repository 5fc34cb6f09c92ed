package jp.kakehashi.web;

import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.segment.Blocks;

/**
 * A stored text as the elements a page shows: paragraphs, headings, lists and tables, from the
 * text's line notation ({@link Blocks}). Consecutive list items form one list and consecutive table
 * rows one table. Only text comes out, for the template to escape: the notation never becomes markup.
 */
public final class TextBlocks {
    /**
     * One element: {@code p}, {@code h} (with its level), {@code ul}, {@code ol} (from its first
     * number) or {@code table}; rows hold one text for paragraphs, headings and list items, the cells
     * for table rows.
     */
    public record Group(String kind, int level, List<List<String>> rows) {
        public String text() {
            return rows.getFirst().getFirst();
        }

        public List<String> items() {
            return rows.stream().map(List::getFirst).toList();
        }
    }

    private TextBlocks() {
    }

    public static List<Group> of(String text) {
        List<Group> groups = new ArrayList<>();
        if (text == null) {
            return groups;
        }
        for (Blocks.Block b : Blocks.of(text)) {
            List<String> content = b.texts(text);
            String kind = switch (b.kind()) {
                case PARAGRAPH -> "p";
                case HEADING -> "h";
                case LIST_ITEM -> Character.isDigit(b.marker().charAt(0)) ? "ol" : "ul";
                case TABLE_ROW -> "table";
            };
            if (kind.equals("p") && content.getFirst().isEmpty()) {
                continue;
            }
            Group last = groups.isEmpty() ? null : groups.getLast();
            if (last != null && last.kind().equals(kind) && (kind.equals("ul") || kind.equals("ol") || kind.equals("table"))) {
                last.rows().add(content);
                continue;
            }
            int level = switch (kind) {
                case "h" -> b.marker().strip().length();
                case "ol" -> Integer.parseInt(b.marker().substring(0, b.marker().indexOf('.')));
                default -> 0;
            };
            List<List<String>> rows = new ArrayList<>();
            rows.add(content);
            groups.add(new Group(kind, level, rows));
        }
        return groups;
    }
}
