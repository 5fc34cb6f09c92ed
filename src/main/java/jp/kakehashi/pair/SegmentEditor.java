package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.align.Link;
import jp.kakehashi.align.SentenceLines;
import jp.kakehashi.glossary.TermIndex;
import jp.kakehashi.memory.MemoryQueries;
import jp.kakehashi.memory.TmMatch;
import jp.kakehashi.segment.Segmenter;

/**
 * The pair page's segment editor: one row per alignment link ({@link SegmentRows}), each with what
 * a translator needs beside the cursor: the memory's best matches for its source sentences (at most
 * three, so Ctrl+1..3 can insert them) and the glossary terms its source contains, each term once.
 * Progress counts the rows with a source that have a translation, and the source's words (for an
 * English source) or characters (for a Japanese one, as Japanese translation work is counted).
 */
public final class SegmentEditor {
    static final int MATCHES_PER_ROW = 3;

    private SegmentEditor() {
    }

    /**
     * {@code sentences}: the row's source sentences, so the page can join and split rows.
     * {@code prefill}: for a row the source revision changed and left empty, the memory's best match,
     * put in the field for the translator to check (CAT tools' pre-translation), or null.
     */
    public record Row(SegmentRows.Row row, String sources, List<String> sentences, boolean newParagraph, int units,
                      List<TmMatch> matches, List<TermIndex.Hit> terms, @Nullable TmMatch prefill) {
        public String text() {
            return row.target() != null ? row.target() : prefill != null ? prefill.unit().target() : "";
        }
    }

    public record Progress(int rowsDone, int rows, int unitsDone, int units) {
    }

    public record View(List<Row> rows, Progress progress, String unit) {
    }

    static View of(SegmentRows.View segments, String sourceBody, String sourceLang,
                   List<MemoryQueries.SegmentSuggestion> suggestions, List<TermIndex.Hit> sourceTerms) {
        List<Segmenter.Segment> sentences = Segmenter.split(sourceBody, sourceLang);
        int[][] lines = SentenceLines.of(sourceBody, sentences);
        Map<Integer, List<TmMatch>> bySentence = new LinkedHashMap<>();
        suggestions.forEach(s -> bySentence.put(s.index(), s.matches()));
        List<Row> rows = new ArrayList<>();
        int line = -1;
        int[] done = new int[4];
        for (SegmentRows.Row r : segments.rows()) {
            String sources = r.link().substring(0, r.link().indexOf('='));
            int[] named = Link.sentences(sources);
            int from = named.length == 0 ? -1 : named[0];
            int to = named.length == 0 ? -1 : from + named.length;
            boolean newParagraph = false;
            int units = 0;
            List<TmMatch> matches = new ArrayList<>();
            List<TermIndex.Hit> terms = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            if (from >= 0) {
                int l = lines[from][0];
                newParagraph = line >= 0 && l != line;
                line = l;
                units = units(r.source(), sourceLang);
                for (int i = from; i < to; i++) {
                    texts.add(sentences.get(i).text());
                    matches.addAll(bySentence.getOrDefault(i, List.of()));
                }
                terms = termsIn(sourceTerms, sentences.get(from).start(), sentences.get(to - 1).end());
            }
            matches.sort(Comparator.comparing(TmMatch::kind).thenComparing(Comparator.comparingInt(TmMatch::score)
                    .reversed()));
            List<TmMatch> best = distinct(matches);
            TmMatch prefill = r.changed() && r.target() == null && !best.isEmpty() ? best.getFirst() : null;
            Row row = new Row(r, sources, texts, newParagraph, units, best, terms, prefill);
            if (from >= 0) {
                done[1]++;
                done[3] += units;
                if (!row.text().isEmpty()) {
                    done[0]++;
                    done[2] += units;
                }
            }
            rows.add(row);
        }
        return new View(rows, new Progress(done[0], done[1], done[2], done[3]), "ja".equals(sourceLang) ? "chars" : "words");
    }

    private static List<TmMatch> distinct(List<TmMatch> matches) {
        Map<String, TmMatch> byTarget = new LinkedHashMap<>();
        matches.forEach(m -> byTarget.putIfAbsent(m.unit().target(), m));
        return byTarget.values().stream().limit(MATCHES_PER_ROW).toList();
    }

    private static List<TermIndex.Hit> termsIn(List<TermIndex.Hit> hits, int start, int end) {
        Map<Long, TermIndex.Hit> byTerm = new LinkedHashMap<>();
        hits.stream().filter(h -> h.start() >= start && h.end() <= end).forEach(h -> byTerm.putIfAbsent(h.term().id(), h));
        return List.copyOf(byTerm.values());
    }

    /** Words of English, characters (without spaces) of Japanese. */
    static int units(String text, String lang) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return "ja".equals(lang) ? (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count()
                : text.strip().split("\\s+").length;
    }
}
