package jp.kakehashi.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * "Did you mean": for a query without hits, the same query with each word the index does not hold
 * replaced by the nearest one it does (Lucene's {@link DirectSpellChecker}, at most two edits).
 * Latin words are looked up among the romaji readings of the Japanese side and the words of the
 * English side, Japanese words among the Japanese words, so a misspelt romaji name may be answered in
 * kanji (shirakwa → 白河) and a misspelt English word in English.
 *
 * <p>A suggestion is shown as the text has it: the word is cut from a stored body at the offsets the
 * postings keep, from a document of the asker's own view. Readers are never offered a word that only
 * unreleased text contains.
 */
final class Suggestions {
    static final int MAX = 3;
    /** Documents read for one term's written form: a word only staff text holds is not looked for long. */
    private static final int MAX_DOCUMENTS = 64;
    private static final Pattern LATIN = Pattern.compile("[\\p{IsLatin}\\p{Nd}'’.\\-]+");
    private final Analyzer ja;
    private final Analyzer read;

    Suggestions(Analyzer ja, Analyzer read) {
        this.ja = ja;
        this.read = read;
    }

    /** Up to {@link #MAX} rewritten queries, best first; empty when every word is known or none is near. */
    List<String> suggest(IndexReader reader, String query, String view) throws IOException {
        List<Word> words = words(query);
        List<List<String>> near = new ArrayList<>();
        int first = -1;
        for (Word word : words) {
            near.add(near(reader, word, view));
            if (first < 0 && !near.getLast().isEmpty()) {
                first = near.size() - 1;
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (int option = 0; first >= 0 && option < near.get(first).size(); option++) {
            // the first unknown word varies between the options, the others take their nearest
            StringBuilder rewritten = new StringBuilder(query);
            for (int w = words.size() - 1; w >= 0; w--) {
                if (!near.get(w).isEmpty()) {
                    rewritten.replace(words.get(w).start(), words.get(w).end(), near.get(w).get(w == first ? option : 0));
                }
            }
            out.add(rewritten.toString());
        }
        return List.copyOf(out);
    }

    private record Word(int start, int end, String field, String term, String bodyField) {
    }

    /** The query's words as the index terms them, each with where it stands in the query. */
    private List<Word> words(String query) throws IOException {
        List<Word> words = new ArrayList<>();
        collect(words, ja, query, false);
        collect(words, read, query, true);
        words.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return words;
    }

    /** Japanese words as the {@code ja} chain gives them, Latin words as their reading. */
    private static void collect(List<Word> words, Analyzer analyzer, String query, boolean latin) throws IOException {
        try (TokenStream ts = analyzer.tokenStream("q", query)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words.size() < 2 * CrossLanguageQuery.MAX_SEGMENTS) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (LATIN.matcher(query.substring(start, end)).matches() == latin && overlapsNone(words, start, end)) {
                    words.add(new Word(start, end, latin ? PairDocument.JA_READ : PairDocument.JA_BODY, term.toString(),
                            PairDocument.JA_BODY));
                }
            }
            ts.end();
        }
    }

    private static boolean overlapsNone(List<Word> words, int start, int end) {
        return words.stream().noneMatch(w -> w.start() < end && start < w.end());
    }

    /** Nearest indexed words shown as written, for a word the asker's view does not hold; else none. */
    private List<String> near(IndexReader reader, Word word, String view) throws IOException {
        List<Word> places = word.field().equals(PairDocument.JA_READ)
                ? List.of(word, new Word(word.start(), word.end(), PairDocument.EN_READ, word.term(), PairDocument.EN_BODY))
                : List.of(word);
        for (Word place : places) {
            if (surface(reader, place.field(), place.term(), place.bodyField(), view).isPresent()) {
                return List.of();
            }
        }
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinQueryLength(word.field().equals(PairDocument.JA_BODY) ? 2 : 4);
        List<String> found = new ArrayList<>();
        for (Word place : places) {
            for (SuggestWord s : checker.suggestSimilar(new Term(place.field(), place.term()), 2 * MAX, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                Optional<String> shown = surface(reader, place.field(), s.string, place.bodyField(), view);
                if (shown.isPresent() && !found.contains(shown.get()) && found.size() < MAX) {
                    found.add(shown.get());
                }
            }
        }
        return found;
    }

    /** The term as a document of {@code view} writes it in its body, if one does. */
    static Optional<String> surface(IndexReader reader, String field, String term, String bodyField, String view)
            throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            TermsEnum e = terms == null ? null : terms.iterator();
            if (e == null || !e.seekExact(new BytesRef(term))) {
                continue;
            }
            PostingsEnum postings = e.postings(null, PostingsEnum.OFFSETS);
            Bits live = leaf.reader().getLiveDocs();
            int read = 0;
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && read++ < MAX_DOCUMENTS;
                 doc = postings.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                Document d = leaf.reader().storedFields().document(doc, Set.of(PairDocument.VIEW, bodyField));
                String body = d.get(bodyField);
                if (!view.equals(d.get(PairDocument.VIEW)) || body == null) {
                    continue;
                }
                for (int p = 0; p < postings.freq(); p++) {
                    postings.nextPosition();
                    if (postings.startOffset() >= 0 && postings.endOffset() <= body.length()) {
                        return Optional.of(body.substring(postings.startOffset(), postings.endOffset()));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
