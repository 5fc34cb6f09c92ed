package jp.kakehashi.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.analysis.BilingualTerms;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a reader typed into one Lucene query over both languages. User input is only ever
 * text: it is analysed, never parsed as Lucene syntax, and bounded in length and segments.
 *
 * <p>The query is cut into segments by script (a Latin run such as "sister city", a Japanese run
 * such as 姉妹都市提携; Latin glued to kana as in JETプログラム stays one Japanese segment). Every
 * segment must match somewhere; within a segment a dis-max with tie-breaker picks the best field
 * and adds a little for each other field, so a pair matching in both languages ranks above a pair
 * matching in one. Readings bridge scripts: a Latin segment is matched against the romaji reading
 * of the Japanese side, a Japanese segment's reading against romanised names in the English side.
 * Bilingual terms add the other language's words for the whole segment: every term found in it
 * (longest match) must then appear in the other language.
 */
final class CrossLanguageQuery {
    static final int MAX_CHARS = 200;
    static final int MAX_SEGMENTS = 8;
    private static final float TIE_BREAKER = 0.3f;
    private static final Pattern SEGMENT = Pattern.compile(
            "[\\p{IsLatin}\\p{Nd}][\\p{IsLatin}\\p{Nd}'’.\\-]*+(?:\\s+[\\p{IsLatin}\\p{Nd}][\\p{IsLatin}\\p{Nd}'’.\\-]*+)*+"
                    + "(?![\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々〆ヶ])|[\\p{IsLatin}\\p{Nd}\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々〆ヶ・]+");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    private static final Pattern MUNICIPAL_SUFFIX = Pattern.compile("[市町村区県府]$");
    private static final Pattern KANA_ONLY = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}ー]+");
    /** A hyphen between two letters: how romaji is often typed for a long vowel (nyu-yoku = ニューヨーク). */
    private static final Pattern HYPHEN_IN_WORD = Pattern.compile("(?<=\\p{IsLatin})-(?=\\p{IsLatin})");

    private final QueryBuilder ja;
    private final QueryBuilder en;
    private final QueryBuilder read;
    private final QueryBuilder shingles;
    private final List<BilingualTerms.Term> terms;
    private final TermExpansions expansions;

    CrossLanguageQuery(Analyzer ja, Analyzer en, Analyzer read, Analyzer shingles, List<BilingualTerms.Term> terms) {
        this.expansions = new TermExpansions(ja, read);
        this.ja = new QueryBuilder(ja);
        this.en = new QueryBuilder(en);
        this.read = new QueryBuilder(read);
        this.shingles = new QueryBuilder(shingles);
        this.terms = terms;
    }

    /** The bounded, NFKC-normalised query text actually searched. */
    static String normalise(String q) {
        String n = Normalizer.normalize(q, Normalizer.Form.NFKC).strip();
        return n.codePointCount(0, n.length()) <= MAX_CHARS ? n : n.substring(0, n.offsetByCodePoints(0, MAX_CHARS));
    }

    static List<String> segments(String normalised) {
        List<String> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(normalised);
        while (m.find() && segments.size() < MAX_SEGMENTS) {
            // a year among Latin words (2020 webinar, R2 Seoul) is a segment of its own: it may match the
            // date a pair was published, which the words cannot
            StringBuilder words = new StringBuilder();
            for (String word : m.group().split("\\s+")) {
                if (EraYears.year(word).isPresent() && m.group().contains(" ")) {
                    addIfRoom(segments, words.toString().strip());
                    addIfRoom(segments, word);
                    words.setLength(0);
                } else {
                    words.append(word).append(' ');
                }
            }
            addIfRoom(segments, words.toString().strip());
        }
        return segments;
    }

    private static void addIfRoom(List<String> segments, String segment) {
        if (!segment.isEmpty() && segments.size() < MAX_SEGMENTS) {
            segments.add(segment);
        }
    }

    Query build(String normalised, boolean japanese, boolean english) {
        return build(normalised, japanese, english, IndexTerms.NONE);
    }

    /** {@code index}: the terms the searched index holds, for the expansions that read them. */
    Query build(String normalised, boolean japanese, boolean english, IndexTerms index) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int used = 0;
        for (String segment : segments(normalised)) {
            // a year in one form searches its other forms too (令和2年 = 2020 = R2), romaji typed with
            // hyphens for long vowels (nyu-yoku) also as one word: any of the forms may match
            List<Query> forms = new ArrayList<>();
            for (String form : forms(segment)) {
                add(forms, JAPANESE.matcher(form).find() ? japaneseSegment(form, japanese, english, index)
                        : latinSegment(form, japanese, english, index), 1f);
            }
            OptionalInt year = EraYears.year(segment);
            if (year.isPresent()) {
                // 令和2年 also finds what was published in 2020, below what says so
                long from = LocalDate.of(year.getAsInt(), 1, 1).toEpochDay();
                long to = LocalDate.of(year.getAsInt(), 12, 31).toEpochDay();
                add(forms, new ConstantScoreQuery(LongPoint.newRangeQuery(PairDocument.PUBLISHED, from, to)), 0.5f);
            }
            Query q = forms.isEmpty() ? null : forms.size() == 1 ? forms.getFirst()
                    : new DisjunctionMaxQuery(forms, TIE_BREAKER);
            if (q != null) {
                all.add(q, Occur.MUST);
                used++;
            }
        }
        return used == 0 ? new MatchNoDocsQuery("nothing searchable in the query") : all.build();
    }

    /** The segment and the other ways of writing it that a reader means the same by. */
    static List<String> forms(String segment) {
        List<String> forms = new ArrayList<>(EraYears.alternatives(segment));
        if (!JAPANESE.matcher(segment).find() && HYPHEN_IN_WORD.matcher(segment).find()) {
            forms.add(HYPHEN_IN_WORD.matcher(segment).replaceAll(""));
        }
        if (segment.indexOf('・') >= 0) {
            // パーマストン・ノース is also written パーマストンノース, one word to Kuromoji
            forms.add(segment.replace("・", ""));
        }
        return forms;
    }

    private Query japaneseSegment(String s, boolean japanese, boolean english, IndexTerms index) {
        List<Query> clauses = new ArrayList<>();
        if (japanese) {
            Query[] words = both(ja, s, PairDocument.JA_TITLE, PairDocument.JA_BODY);
            add(clauses, words[0], 3f);
            add(clauses, words[1], 1f);
        }
        Query[] readings = both(read, s, PairDocument.JA_READ, PairDocument.EN_READ);
        Query joined = joinedReading(PairDocument.JA_READ, s);
        if (japanese) {
            add(clauses, readings[0], 0.6f);
            add(clauses, joined, 0.5f);
        }
        if (english) {
            add(clauses, readings[1], 0.6f);
            add(clauses, joined == null ? null : sameFor(joined, PairDocument.EN_READ), 0.5f);
            // 松阪市 is "Matsusaka City" or plain "Matsusaka" in English: the name's reading alone
            String name = MUNICIPAL_SUFFIX.matcher(s).replaceFirst("");
            if (name.length() >= 2 && name.length() < s.length()) {
                add(clauses, read.createBooleanQuery(PairDocument.EN_READ, name, Occur.MUST), 0.5f);
            }
            List<Query> required = new ArrayList<>();
            for (BilingualTerms.Term t : japaneseTerms(BilingualTerms.fold(s))) {
                List<Query> alternatives = new ArrayList<>();
                for (String e : t.en()) {
                    add(alternatives, en.createPhraseQuery(PairDocument.EN_TITLE, e), 2f);
                    add(alternatives, bodyPhrase(e), 0.8f);
                }
                if (!alternatives.isEmpty()) {
                    required.add(new DisjunctionMaxQuery(alternatives, TIE_BREAKER));
                }
            }
            add(clauses, allOf(required), 1f);
        }
        add(clauses, expansions.katakana(s, index, japanese, english), 0.6f);
        return clauses.isEmpty() ? null : new DisjunctionMaxQuery(clauses, TIE_BREAKER);
    }

    private Query latinSegment(String s, boolean japanese, boolean english, IndexTerms index) {
        List<Query> clauses = new ArrayList<>();
        if (english) {
            Query[] words = both(en, s, PairDocument.EN_TITLE, PairDocument.EN_BODY);
            add(clauses, words[0], 3f);
            add(clauses, words[1], 1f);
            add(clauses, shingles.createBooleanQuery(PairDocument.EN_SHINGLE, s, Occur.MUST), 2f);
            // romaji folded the same way on both sides: "toukyou" meets "Tokyo" in the English text
            add(clauses, read.createBooleanQuery(PairDocument.EN_READ, s, Occur.MUST), 0.5f);
        }
        if (japanese) {
            Query[] words = both(ja, s, PairDocument.JA_TITLE, PairDocument.JA_BODY);
            add(clauses, words[0], 2f);
            add(clauses, words[1], 1f);
            add(clauses, read.createBooleanQuery(PairDocument.JA_READ, s, Occur.MUST), 0.8f);
            List<Query> required = new ArrayList<>();
            for (List<String> group : englishTerms(BilingualTerms.fold(s))) {
                List<Query> alternatives = new ArrayList<>();
                for (String j : group) {
                    Query[] term = both(ja, j, PairDocument.JA_TITLE, PairDocument.JA_BODY);
                    add(alternatives, term[0], 2f);
                    add(alternatives, term[1], 0.8f);
                }
                if (!alternatives.isEmpty()) {
                    required.add(new DisjunctionMaxQuery(alternatives, TIE_BREAKER));
                }
            }
            add(clauses, allOf(required), 1f);
        }
        add(clauses, expansions.latin(s, index, japanese, english), 0.6f);
        return clauses.isEmpty() ? null : new DisjunctionMaxQuery(clauses, TIE_BREAKER);
    }

    /**
     * The query for two fields of the same chain from one analysis: analysing the text (Kuromoji
     * above all) was most of the time spent building a query, and every segment asked for each chain
     * twice. A query of a shape {@link #sameFor} does not know is analysed again for the second field.
     */
    private static Query[] both(QueryBuilder builder, String text, String first, String second) {
        Query one = builder.createBooleanQuery(first, text, Occur.MUST);
        Query two = one == null ? null : sameFor(one, second);
        if (two == null && one != null) {
            two = builder.createBooleanQuery(second, text, Occur.MUST);
        }
        return new Query[] {one, two};
    }

    /** The same terms in another field; null for a query shape this does not copy. */
    static Query sameFor(Query q, String field) {
        if (q instanceof TermQuery t) {
            return new TermQuery(new Term(field, t.getTerm().bytes()));
        }
        if (q instanceof PhraseQuery p) {
            PhraseQuery.Builder copy = new PhraseQuery.Builder().setSlop(p.getSlop());
            for (int i = 0; i < p.getTerms().length; i++) {
                copy.add(new Term(field, p.getTerms()[i].bytes()), p.getPositions()[i]);
            }
            return copy.build();
        }
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder copy = new BooleanQuery.Builder().setMinimumNumberShouldMatch(
                    b.getMinimumNumberShouldMatch());
            for (BooleanClause c : b.clauses()) {
                Query inner = sameFor(c.query(), field);
                if (inner == null) {
                    return null;
                }
                copy.add(inner, c.occur());
            }
            return copy.build();
        }
        return null;
    }

    /**
     * A phrase in the English body as its required word pairs ({@code en_shingle}); a single word as
     * itself. A positional phrase over the body read positions for every pair containing all of its
     * words and was half of the time of a query such as 金沢市 (expanded to "Kanazawa City").
     */
    private Query bodyPhrase(String words) {
        Query pairs = shingles.createBooleanQuery(PairDocument.EN_SHINGLE, words, Occur.MUST);
        return pairs != null ? pairs : en.createPhraseQuery(PairDocument.EN_BODY, words);
    }

    /**
     * Kana typed for a kanji name (しらかわ for 白河) is cut by Kuromoji into pieces, some of them
     * dropped as particles (は, の, へ in はちのへ), so its readings never meet the name's one reading.
     * A segment written only in kana is therefore also romanised whole (shirakawa, hachinohe).
     */
    private Query joinedReading(String field, String s) {
        if (!KANA_ONLY.matcher(s).matches()) {
            return null;
        }
        String reading = TermExpansions.romaji(s);
        return reading.isEmpty() || reading.length() > 255 ? null : new TermQuery(new Term(field, reading));
    }

    /**
     * The terms a Japanese segment is made of, longest first and without overlaps, so 会津若松市
     * is Aizuwakamatsu City and not also "city". A one-character term (市, 県) stands only for a
     * segment that is exactly that character: as a suffix it is part of a name, and expanding it
     * alone made 白河市 match every pair that mentions any city.
     */
    List<BilingualTerms.Term> japaneseTerms(String folded) {
        List<BilingualTerms.Term> found = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            BilingualTerms.Term best = null;
            for (BilingualTerms.Term t : terms) {
                if (folded.startsWith(t.ja(), i) && (best == null || t.ja().length() > best.ja().length())
                        && (t.ja().length() > 1 || folded.length() == 1)) {
                    best = t;
                }
            }
            if (best != null) {
                found.add(best);
            }
            i += best == null ? 1 : best.ja().length();
        }
        return found;
    }

    /** The same for English words: each group holds the Japanese terms of the longest phrase found. */
    List<List<String>> englishTerms(String folded) {
        String[] words = folded.split(" ");
        List<List<String>> found = new ArrayList<>();
        int i = 0;
        while (i < words.length) {
            int bestLength = 0;
            List<String> best = new ArrayList<>();
            for (BilingualTerms.Term t : terms) {
                for (String e : t.en()) {
                    String[] phrase = e.split(" ");
                    if (phrase.length >= bestLength && startsAt(words, i, phrase)) {
                        if (phrase.length > bestLength) {
                            best = new ArrayList<>();
                            bestLength = phrase.length;
                        }
                        if (!best.contains(t.ja())) {
                            best.add(t.ja());
                        }
                    }
                }
            }
            if (bestLength > 0) {
                found.add(best);
            }
            i += Math.max(1, bestLength);
        }
        return found;
    }

    private static boolean startsAt(String[] words, int at, String[] phrase) {
        if (at + phrase.length > words.length) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            if (!words[at + k].equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }

    private static Query allOf(List<Query> required) {
        if (required.size() <= 1) {
            return required.isEmpty() ? null : required.getFirst();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        required.forEach(q -> all.add(q, Occur.MUST));
        return all.build();
    }

    private static void add(List<Query> clauses, Query q, float boost) {
        if (q != null) {
            clauses.add(boost == 1f ? q : new BoostQuery(q, boost));
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
