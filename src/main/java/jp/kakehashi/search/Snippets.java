package jp.kakehashi.search;

import io.micronaut.core.annotation.Nullable;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted snippets: HTML-escaped text with {@code <mark>} around matches, nothing else. The
 * stored text is re-analysed per hit (a few hundred characters), which also lets a romaji match
 * ({@code ja_read}) mark the Japanese words it came from. Weight matches are off: they evaluate the
 * whole query against one field's text, and a query whose Latin part matched only the title would
 * then mark nothing in the body. A highlighter failure on odd offsets
 * (see search.md's pitfalls) falls back to the escaped opening of the text; it never fails a search.
 */
final class Snippets {
    private static final int MAX_PASSAGES = 2;
    private static final int PLAIN_LENGTH = 160;
    private final UnifiedHighlighter japanese;
    private final UnifiedHighlighter english;

    Snippets(Analyzer perField) {
        DefaultPassageFormatter formatter = new DefaultPassageFormatter("<mark>", "</mark>", "… ", true);
        this.japanese = UnifiedHighlighter.builderWithoutSearcher(perField).withFormatter(formatter)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.JAPANESE)).withMaxLength(60_000)
                .withWeightMatches(false).build();
        this.english = UnifiedHighlighter.builderWithoutSearcher(perField).withFormatter(formatter)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ENGLISH)).withMaxLength(60_000)
                .withWeightMatches(false).build();
    }

    /** Tries each field's analysis of the same text in order (e.g. ja_body, then ja_read). */
    String snippet(Query query, @Nullable String text, String... fields) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (String field : fields) {
            try {
                UnifiedHighlighter h = field.startsWith("ja") ? japanese : english;
                Object marked = h.highlightWithoutSearcher(field, query, text, MAX_PASSAGES);
                if (marked instanceof String s && s.contains("<mark>")) {
                    return s;
                }
            } catch (Exception oddOffsets) {
                // fall through to the next field, then to plain text
            }
        }
        return escape(text.length() > PLAIN_LENGTH ? text.substring(0, PLAIN_LENGTH) + "…" : text);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
