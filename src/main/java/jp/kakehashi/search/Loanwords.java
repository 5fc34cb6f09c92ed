package jp.kakehashi.search;

import java.util.List;
import java.util.Map;

/**
 * Whether an English word and the romaji of a katakana word are one loanword: webinar / ウェビナー
 * (webina), program / プログラム (puroguramu), pop / ポップ (poppu). A weighted edit distance in
 * which the changes katakana makes to an English word are cheap — a vowel after a consonant
 * (epenthesis), a doubled consonant, r dropped after a vowel, l read as r, v as b, th as s, a silent
 * e — and anything else (a consonant changed, dropped or added) is never a loanword. The bound on
 * the cheap changes grows with the word, so a loanword matches and a word of nearly the same letters
 * does not (form ∌ フォーラム, former ∌ フォーラム, motor ∌ 元 moto: only katakana words are candidates).
 *
 * <p>Why not a lexicon: no maintained katakana–English loanword list is served by the registries
 * this project builds from, and the bulletins' loanwords are new (ウェビナー, ワーケーション) faster than
 * a list would follow. The rules are those of katakana spelling itself, so a new word just works.
 */
final class Loanwords {
    static final int MIN_LENGTH = 4;
    private static final String VOWELS = "aeiou";
    /** Letters that are one sound once written in katakana. */
    private static final List<String> ALIKE = List.of("lr", "vb", "ck", "cs", "qk", "fh", "zs", "sj", "zj", "jg",
            "yi", "ye", "wu", "ts", "dz", "nm");
    /** The first kana a katakana word spelling an English word of this initial begins with. */
    private static final Map<Character, String> KANA_INITIALS = Map.ofEntries(
            Map.entry('a', "アエオ"), Map.entry('e', "エイ"), Map.entry('i', "イア"), Map.entry('o', "オア"),
            Map.entry('u', "アユウ"), Map.entry('b', "バビブベボヴ"), Map.entry('c', "カキクケコサシスセソチ"),
            Map.entry('d', "ダヂヅデド"), Map.entry('f', "フ"), Map.entry('g', "ガギグゲゴジ"),
            Map.entry('h', "ハヒフヘホ"), Map.entry('j', "ジヂ"), Map.entry('k', "カキクケコ"),
            Map.entry('l', "ラリルレロ"), Map.entry('m', "マミムメモ"), Map.entry('n', "ナニヌネノ"),
            Map.entry('p', "パピプペポ"), Map.entry('q', "クキ"), Map.entry('r', "ラリルレロ"),
            Map.entry('s', "サシスセソ"), Map.entry('t', "タチツテト"), Map.entry('v', "バビブベボヴ"),
            Map.entry('w', "ウワホ"), Map.entry('x', "エザ"), Map.entry('y', "ヤユヨイ"), Map.entry('z', "ザジズゼゾ"));
    /** The first letters an English word may have when its katakana form's romaji begins with this one. */
    private static final Map<Character, String> LATIN_INITIALS = Map.ofEntries(
            Map.entry('a', "auo"), Map.entry('e', "eax"), Map.entry('i', "iey"), Map.entry('o', "oa"),
            Map.entry('u', "uw"), Map.entry('b', "bv"), Map.entry('k', "kcq"), Map.entry('s', "sct"),
            Map.entry('f', "fp"), Map.entry('h', "hw"), Map.entry('r', "rl"), Map.entry('z', "zst"),
            Map.entry('j', "jg"), Map.entry('y', "yue"), Map.entry('c', "ct"), Map.entry('n', "nk"));
    private static final List<String> KATAKANA_VOWELS = List.of("oa", "ua", "ea", "ae", "ei", "ao", "ie");
    /** Rounding: the costs are tenths, and 0.4 + 0.4 + 0.1 must not miss a bound of 0.9. */
    private static final double EPSILON = 1e-9;
    /** A change katakana spelling never makes (a consonant for another, one dropped or added): over any bound. */
    private static final double HARD = 3;

    private Loanwords() {
    }

    /** {@code minLength}: the shortest English word considered (pop after a letter name, else 4). */
    static boolean match(String english, String romaji, int minLength) {
        if (english.length() < minLength || romaji.length() < 3 || english.equals(romaji)
                || romaji.length() > 2 * english.length() + 2 || english.length() > romaji.length() + 3) {
            return false;
        }
        return cost(spoken(english), romaji) <= 0.1 * english.length() + 0.3 + EPSILON;
    }

    /** Spellings of one sound written as the letters katakana has for it: expo → eksupo, fair → fear (フェア),
     * online → onlain (オンライン), football → futball, table → tabl (テーブル). */
    static String spoken(String english) {
        String s = english.replace("x", "ks").replace("ph", "f").replace("ck", "k").replace("qu", "kw")
                .replace("air", "ear").replace("oo", "u").replaceFirst("i([bcdfgklmnprstvz])e$", "ai$1")
                .replaceFirst("([bcdfgkpstz])le$", "$1l");
        // c is s before e, i and y and k elsewhere (conference → konferense), ch stays
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            out.append(c != 'c' || next == 'h' ? c : "eiy".indexOf(next) >= 0 ? 's' : 'k');
        }
        return out.toString();
    }

    static String kanaInitials(char latin) {
        return KANA_INITIALS.getOrDefault(latin, "");
    }

    static String latinInitials(char romaji) {
        return LATIN_INITIALS.getOrDefault(romaji, String.valueOf(romaji));
    }

    static double cost(String e, String r) {
        double[] previous = new double[r.length() + 1];
        double[] current = new double[r.length() + 1];
        for (int j = 1; j <= r.length(); j++) {
            previous[j] = previous[j - 1] + inserted(r, j - 1);
        }
        for (int i = 1; i <= e.length(); i++) {
            current[0] = previous[0] + dropped(e, i - 1);
            for (int j = 1; j <= r.length(); j++) {
                current[j] = Math.min(previous[j - 1] + changed(e.charAt(i - 1), r.charAt(j - 1)),
                        Math.min(previous[j] + dropped(e, i - 1), current[j - 1] + inserted(r, j - 1)));
            }
            double[] t = previous;
            previous = current;
            current = t;
        }
        return previous[r.length()];
    }

    /** An English letter katakana does not write. */
    private static double dropped(String e, int i) {
        char c = e.charAt(i);
        char before = i > 0 ? e.charAt(i - 1) : 0;
        char next = i + 1 < e.length() ? e.charAt(i + 1) : 0;
        // r goes silent after a vowel only before a consonant or at the end (webinar, workshop), not
        // before a vowel (shirakawa keeps its r)
        if (c == before || (c == 'r' && vowel(before) && !vowel(next)) || (c == 'e' && i == e.length() - 1)
                || (c == 'm' && before == 'n')) {
            return 0.1;
        }
        if ((c == 'h' && "tcspgw".indexOf(before) >= 0) || (c == 'l' && (before == 'a' || before == 'o')
                && next != 0 && !vowel(next))) {
            // th, ch, sh, ph; the silent l of palm, walk, Palmerston
            return 0.2;
        }
        return c == 'w' || c == 'y' ? 0.3 : vowel(c) ? 0.4 : HARD;
    }

    /** A romaji letter the English spelling does not have. */
    private static double inserted(String r, int j) {
        char c = r.charAt(j);
        char before = j > 0 ? r.charAt(j - 1) : 0;
        // the vowels katakana adds after a consonant: u after most (puroguramu), o after t and d
        // (ibento), i after sh, ch, j and the k of x (ekisupo); any other added vowel changes the word
        // (form is not フォーラム)
        if (c == 'u' && j > 0 && !vowel(before) || c == 'o' && (before == 't' || before == 'd')
                || c == 'i' && "hjk".indexOf(before) >= 0 && j > 0) {
            return 0.1;
        }
        if (vowel(c)) {
            return 0.7;
        }
        if (j + 1 < r.length() && r.charAt(j + 1) == c) {
            return 0.1;
        }
        return c == 'y' || c == 'h' ? 0.2 : HARD;
    }

    private static double changed(char a, char b) {
        if (a == b) {
            return 0;
        }
        if (vowel(a) && vowel(b)) {
            // English vowels katakana writes otherwise: conference カンファレンス, forum フォーラム, event
            // イベント, table テーブル; another change of vowel makes another word (shikoku ∌ シカコ)
            return KATAKANA_VOWELS.contains("" + a + b) ? 0.4 : 0.8;
        }
        for (String pair : ALIKE) {
            if (pair.indexOf(a) >= 0 && pair.indexOf(b) >= 0) {
                return 0.2;
            }
        }
        return HARD;
    }

    private static boolean vowel(char c) {
        return VOWELS.indexOf(c) >= 0;
    }
}
