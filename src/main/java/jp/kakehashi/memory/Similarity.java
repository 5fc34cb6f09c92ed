package jp.kakehashi.memory;

import java.text.Normalizer;
import java.util.List;
import jp.kakehashi.segment.Segmenter;
import jp.kakehashi.system.Hashes;

/**
 * How alike two segments are, the way CAT tools report it: 100 for the same text, less for each
 * word added, removed or replaced. Pure, no I/O.
 *
 * <p>The distance is a Levenshtein distance over words (Kuromoji words for Japanese) in which each
 * word weighs its length in characters: replacing 東京都 by 京都府 in a 40-character sentence costs
 * 3 of 40, not 1 of 12 words (which would hide how much changed) nor 2 characters (which would
 * hide that a whole name changed). The score is {@code 1 - distance / longer length}.
 */
public final class Similarity {
    private Similarity() {
    }

    /** The text as compared for exact matches: NFKC (so ＪＥＴ = JET), runs of white space as one space. */
    public static String normalize(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
    }

    /** SHA-256 of the normalized text, hex: the exact-match key stored with each unit. */
    public static String key(String text) {
        return Hashes.sha256(normalize(text));
    }

    /** The key of a segment's surroundings: the sentences before and after it in its text. */
    public static String contextKey(String previous, String next) {
        return Hashes.sha256(normalize(previous) + '\u0000' + normalize(next));
    }

    /** The context key of sentence {@code i} of a text: its neighbours, none at either end. */
    public static String contextKey(List<Segmenter.Segment> sentences, int i) {
        return contextKey(sentences, i, i + 1);
    }

    /** The context key of sentences {@code [from, to)} taken together (a merged link). */
    public static String contextKey(List<Segmenter.Segment> sentences, int from, int to) {
        return contextKey(from == 0 ? "" : sentences.get(from - 1).text(),
                to >= sentences.size() ? "" : sentences.get(to).text());
    }

    /** 0.0 … 1.0; two empty word lists are alike (1.0). */
    public static double score(List<String> a, List<String> b) {
        int lengthA = length(a);
        int lengthB = length(b);
        int longer = Math.max(lengthA, lengthB);
        return longer == 0 ? 1.0 : 1.0 - (double) distance(a, b) / longer;
    }

    /** Word-level Levenshtein with each word weighing its length; a replacement costs the longer word. */
    static int distance(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 1; j <= b.size(); j++) {
            previous[j] = previous[j - 1] + b.get(j - 1).length();
        }
        for (int i = 1; i <= a.size(); i++) {
            String wa = a.get(i - 1);
            current[0] = previous[0] + wa.length();
            for (int j = 1; j <= b.size(); j++) {
                String wb = b.get(j - 1);
                int replace = previous[j - 1] + (wa.equals(wb) ? 0 : Math.max(wa.length(), wb.length()));
                current[j] = Math.min(replace, Math.min(previous[j] + wa.length(), current[j - 1] + wb.length()));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static int length(List<String> words) {
        int n = 0;
        for (String w : words) {
            n += w.length();
        }
        return n;
    }
}
