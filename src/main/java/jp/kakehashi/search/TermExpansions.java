package jp.kakehashi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.kakehashi.analysis.RomajiNormalizeFilter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The parts of a query that come from the index's own terms ({@link IndexTerms}), for words a reader
 * types differently from how the text has them:
 * <ul>
 *   <li>a run-together word as two indexed words: kpop → "k pop" (K-POP), ryouneishou → "ryone sho"
 *   (遼寧省, read as two words);</li>
 *   <li>a katakana name typed in part: パーマストン → パーマストンノース;</li>
 *   <li>a loanword across scripts ({@link Loanwords}): webinar → ウェビナー, ウェビナー → webinar,
 *   and a katakana letter name: ケーポップ → "k pop".</li>
 * </ul>
 * Each is tried only where it can help and bounded in the terms read and the clauses made.
 */
final class TermExpansions {
    private static final int MAX_EXPANSIONS = 8;
    private static final Pattern LATIN_WORD = Pattern.compile("[a-z]+");
    private static final Pattern KATAKANA = Pattern.compile("[\\p{IsKatakana}ー]+");
    private static final Analyzer KANA_ROMAJI = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer whole = new KeywordTokenizer();
            return new TokenStreamComponents(whole, new RomajiNormalizeFilter(whole));
        }
    };
    /** Latin letters as katakana spells their names (ケー K, ジェー J); vowels alone are too ambiguous. */
    private static final Map<String, String> LETTER_NAMES = letterNames("B ビー,C シー,D ディー,F エフ,G ジー,"
            + "H エイチ,J ジェー,K ケー,L エル,M エム,N エヌ,P ピー,Q キュー,R アール,S エス,T ティー,V ブイ,"
            + "W ダブリュー,X エックス,Y ワイ,Z ゼット");

    private final Analyzer ja;
    private final Analyzer read;

    TermExpansions(Analyzer ja, Analyzer read) {
        this.ja = ja;
        this.read = read;
    }

    /** A single Latin word: split into two indexed words, and as the katakana loanwords it spells. */
    Query latin(String segment, IndexTerms index, boolean japanese, boolean english) {
        List<String> tokens = tokens(read, segment);
        if (tokens.size() != 1) {
            return null;
        }
        List<Query> found = new ArrayList<>();
        if (japanese) {
            split(found, index, PairDocument.JA_READ, tokens.getFirst());
        }
        if (english) {
            split(found, index, PairDocument.EN_READ, tokens.getFirst());
        }
        String plain = CrossLanguageQuery.lower(segment);
        if (japanese && LATIN_WORD.matcher(plain).matches() && plain.length() >= Loanwords.MIN_LENGTH) {
            for (char kana : Loanwords.kanaInitials(plain.charAt(0)).toCharArray()) {
                for (String term : index.startingWith(PairDocument.JA_BODY, String.valueOf(kana), MAX_EXPANSIONS,
                        t -> KATAKANA.matcher(t).matches() && Loanwords.match(plain, romaji(t), Loanwords.MIN_LENGTH))) {
                    found.add(new TermQuery(new Term(PairDocument.JA_BODY, term)));
                    found.add(new TermQuery(new Term(PairDocument.JA_TITLE, term)));
                }
            }
        }
        return any(found);
    }

    /** A katakana word: the longer katakana words it begins, and the English words it spells. */
    Query katakana(String segment, IndexTerms index, boolean japanese, boolean english) {
        if (!KATAKANA.matcher(segment).matches() || segment.length() < 3) {
            return null;
        }
        List<Query> found = new ArrayList<>();
        List<String> words = tokens(ja, segment);
        if (japanese && words.size() == 1 && words.getFirst().length() >= 4) {
            String word = words.getFirst();
            for (String term : index.startingWith(PairDocument.JA_BODY, word, MAX_EXPANSIONS, t -> !t.equals(word))) {
                found.add(new TermQuery(new Term(PairDocument.JA_BODY, term)));
                found.add(new TermQuery(new Term(PairDocument.JA_TITLE, term)));
            }
        }
        String romaji = romaji(segment);
        if (english) {
            for (String term : spelled(index, PairDocument.EN_READ, romaji, Loanwords.MIN_LENGTH)) {
                found.add(new TermQuery(new Term(PairDocument.EN_READ, term)));
            }
        }
        for (Map.Entry<String, String> letter : LETTER_NAMES.entrySet()) {
            String rest = romaji.substring(Math.min(romaji.length(), letter.getValue().length()));
            if (romaji.startsWith(letter.getValue()) && rest.length() >= 3) {
                for (String field : japanese && english ? List.of(PairDocument.EN_READ, PairDocument.JA_READ)
                        : List.of(english ? PairDocument.EN_READ : PairDocument.JA_READ)) {
                    if (index.has(field, letter.getKey())) {
                        for (String word : spelled(index, field, rest, 3)) {
                            found.add(new PhraseQuery(field, letter.getKey(), word));
                        }
                    }
                }
            }
        }
        return any(found);
    }

    /** Indexed English words that the romaji of a katakana word spells (or is). */
    private static List<String> spelled(IndexTerms index, String field, String romaji, int minLength) {
        List<String> found = new ArrayList<>();
        for (char initial : Loanwords.latinInitials(romaji.charAt(0)).toCharArray()) {
            found.addAll(index.startingWith(field, String.valueOf(initial), MAX_EXPANSIONS, t -> t.equals(romaji)
                    || LATIN_WORD.matcher(t).matches() && Loanwords.match(t, romaji, minLength)));
        }
        return found;
    }

    /** The word as two words the field holds, where it does not hold the word itself. */
    private static void split(List<Query> found, IndexTerms index, String field, String word) {
        if (word.length() < 4 || !LATIN_WORD.matcher(word).matches() || index.has(field, word)) {
            return;
        }
        for (int at = 1; at <= word.length() - 2 && found.size() < MAX_EXPANSIONS; at++) {
            String head = word.substring(0, at);
            String tail = word.substring(at);
            // a lone first letter only as in K-POP, J-League; otherwise both parts are words
            if ((at == 1 || head.length() >= 2) && index.has(field, head) && index.has(field, tail)) {
                found.add(new PhraseQuery(field, head, tail));
            }
        }
    }

    static String romaji(String kana) {
        List<String> tokens = tokens(KANA_ROMAJI, kana);
        return tokens.isEmpty() ? "" : tokens.getFirst();
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && tokens.size() < 4) {
                tokens.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static Query any(List<Query> found) {
        if (found.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        found.stream().distinct().limit(4L * MAX_EXPANSIONS).forEach(q -> any.add(q, Occur.SHOULD));
        return any.build();
    }

    private static Map<String, String> letterNames(String table) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String entry : table.split(",")) {
            String[] parts = entry.split(" ");
            names.put(CrossLanguageQuery.lower(parts[0]), romaji(parts[1]));
        }
        return names;
    }
}
