package jp.kakehashi.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted snippets: HTML-escaped text with {@code <mark>} around matches, nothing else. Offsets
 * come from the postings ({@link PairDocument}), so no hit is re-analysed. Each body is highlighted
 * together with its reading field (masked fields: same text, same offsets), so a romaji match
 * ({@code ja_read}) marks the Japanese words it came from. Weight matches are off: they evaluate the
 * whole query against one field, and a query whose Latin part matched only the title would then mark
 * nothing in the body. A body without a match, or a highlighter failure on odd offsets (see
 * the pitfalls in docs/design/search.md), gives the escaped opening of the text; it never fails a search.
 */
final class Snippets {
    static final String[] FIELDS = {PairDocument.JA_BODY, PairDocument.EN_BODY};
    private static final int MAX_PASSAGES = 2;
    private static final int PLAIN_LENGTH = 160;
    private static final int MAX_LENGTH = 60_000;
    /** The fields highlighted, bodies and their masked readings: all indexed with offsets. */
    private static final Set<String> OFFSETS = Set.of(PairDocument.JA_BODY, PairDocument.EN_BODY,
            PairDocument.JA_READ, PairDocument.EN_READ);
    private static final Map<String, Set<String>> READINGS = Map.of(PairDocument.JA_BODY,
            Set.of(PairDocument.JA_READ), PairDocument.EN_BODY, Set.of(PairDocument.EN_READ));
    private final Analyzer perField;
    private final PassageFormatter formatter = new DefaultPassageFormatter("<mark>", "</mark>", "… ", true);
    private final SnippetScorer scorer = new SnippetScorer();
    private final BreakIterator japanese = BreakIterator.getSentenceInstance(Locale.JAPANESE);
    private final BreakIterator english = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    private final boolean forward;

    Snippets(Analyzer perField) {
        this(perField, true);
    }

    /** {@code forward=false}: Lucene's own postings strategy, the reference the tests compare with. */
    Snippets(Analyzer perField, boolean forward) {
        this.perField = perField;
        this.forward = forward;
    }

    /**
     * Snippets of {@link #FIELDS} for the given documents, in that order: {@code [field][doc]}. An
     * entry is null where the highlighter found nothing; {@link #plain} then gives the opening.
     * {@code stored} are the documents' stored fields, already read for the hits: the highlighter
     * would otherwise decompress each document's block a second time.
     */
    String[][] highlight(IndexSearcher searcher, Query query, int[] docIds, Document[] stored) {
        if (docIds.length == 0) {
            return new String[FIELDS.length][0];
        }
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, perField).withFormatter(formatter)
                .withScorer(scorer).withMaxLength(MAX_LENGTH).withWeightMatches(false).withMaxNoHighlightPassages(0)
                .withMaskedFieldsFunc(field -> READINGS.getOrDefault(field, Set.of()));
        UnifiedHighlighter h = new UnifiedHighlighter(builder) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                // the JDK's factories read resource bundles on every call; a clone is a copy of tables
                return (BreakIterator) (field.startsWith("ja") ? japanese : english).clone();
            }

            @Override
            protected OffsetSource getOffsetSource(String field) {
                // what the default finds in the merged field infos, which it merges anew per request
                return OFFSETS.contains(field) ? OffsetSource.POSTINGS : super.getOffsetSource(field);
            }

            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                return forward && source == OffsetSource.POSTINGS ? new ForwardPostingsOffsets(components)
                        : super.getOffsetStrategy(source, components);
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int threshold)
                    throws IOException {
                return storedValues(fields, docs, docIds, stored);
            }
        };
        int[] passages = new int[FIELDS.length];
        java.util.Arrays.fill(passages, MAX_PASSAGES);
        String[][] result = new String[FIELDS.length][];
        try {
            Map<String, String[]> marked = h.highlightFields(FIELDS, positional(query), docIds, passages);
            for (int f = 0; f < FIELDS.length; f++) {
                result[f] = marked.getOrDefault(FIELDS[f], new String[docIds.length]);
            }
        } catch (Exception oddOffsets) {
            for (int f = 0; f < FIELDS.length; f++) {
                result[f] = new String[docIds.length];
            }
        }
        return result;
    }

    /** The fields' values of the documents in the highlighter's order, as its own loading gives them. */
    private static List<CharSequence[]> storedValues(String[] fields, DocIdSetIterator docs, int[] docIds,
                                                     Document[] stored) throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            Document d = null;
            for (int i = 0; i < docIds.length && d == null; i++) {
                d = docIds[i] == doc ? stored[i] : null;
            }
            CharSequence[] byField = new CharSequence[fields.length];
            for (int f = 0; f < fields.length; f++) {
                String v = d == null ? null : d.get(fields[f]);
                byField[f] = v == null ? null : v.substring(0, Math.min(MAX_LENGTH, v.length()));
            }
            values.add(byField);
        }
        return values;
    }

    /**
     * The query with its word-pair lookups ({@code en_shingle}, which has no offsets and no stored
     * text) turned back into the phrases on the English body they stand for, so the highlighter marks
     * "Kanazawa City" in the body. Only the ten shown hits are highlighted: positions are cheap here.
     */
    static Query positional(Query q) {
        if (q instanceof BoostQuery b) {
            return new BoostQuery(positional(b.getQuery()), b.getBoost());
        }
        if (q instanceof DisjunctionMaxQuery d) {
            return new DisjunctionMaxQuery(d.getDisjuncts().stream().map(Snippets::positional).toList(),
                    d.getTieBreakerMultiplier());
        }
        if (q instanceof TermQuery t && t.getTerm().field().equals(PairDocument.EN_SHINGLE)) {
            return phrase(List.of(t.getTerm()));
        }
        if (q instanceof BooleanQuery b) {
            List<Term> pairs = b.clauses().stream()
                    .filter(c -> c.occur() == Occur.MUST && c.query() instanceof TermQuery t
                            && t.getTerm().field().equals(PairDocument.EN_SHINGLE))
                    .map(c -> ((TermQuery) c.query()).getTerm()).toList();
            if (!pairs.isEmpty() && pairs.size() == b.clauses().size()) {
                return phrase(pairs);
            }
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(
                    b.getMinimumNumberShouldMatch());
            b.clauses().forEach(c -> out.add(positional(c.query()), c.occur()));
            return out.build();
        }
        return q;
    }

    /** Overlapping pairs ("sister citi", "citi semina") back to words at their positions; "_" is a gap. */
    private static Query phrase(List<Term> pairs) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int position = 0;
        for (int i = 0; i < pairs.size(); i++) {
            String[] words = pairs.get(i).text().split(" ", 2);
            if (i == 0) {
                addWord(phrase, words[0], position);
            }
            position++;
            addWord(phrase, words.length > 1 ? words[1] : "_", position);
        }
        return phrase.build();
    }

    private static void addWord(PhraseQuery.Builder phrase, String word, int position) {
        if (!word.equals("_")) {
            phrase.add(new Term(PairDocument.EN_BODY, word), position);
        }
    }

    /** The escaped opening of a text that had no highlight; null for no text. */
    static String plain(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) <= PLAIN_LENGTH) {
            return escape(text);
        }
        return escape(text.substring(0, text.offsetByCodePoints(0, PLAIN_LENGTH))) + "…";
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
