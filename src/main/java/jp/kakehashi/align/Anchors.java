package jp.kakehashi.align;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.analysis.BilingualTerms;
import jp.kakehashi.qa.NumberMentions;

/**
 * What a sentence and its translation must share, as keys equal on both sides: quantities
 * (3万5000人 and 35,000, 2日間 and "two days", 9月 and September), terms of the bilingual list
 * (パリ事務所 and "Paris office"), and Latin words written inside Japanese (JET, K-POP). The
 * aligner rewards a link whose sides share anchors and penalises one that leaves an anchor alone.
 */
final class Anchors {
    private static final Pattern LATIN_WORD = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
    private static final Pattern ENGLISH_WORDS = Pattern.compile(
            "\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                    + "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred)"
                    + "(?:\\s+(thousand|million|billion))?\\b");
    private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty");
    private static final Map<String, Long> TENS = Map.of("thirty", 30L, "forty", 40L, "fifty", 50L, "hundred", 100L);
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    private static final Pattern ENGLISH_MONTH = Pattern.compile("\\b(" + String.join("|", MONTHS) + ")\\b");
    private static final Pattern JAPANESE_MONTH = Pattern.compile("(\\d{1,2})月");

    private final List<BilingualTerms.Term> terms;

    Anchors(List<BilingualTerms.Term> terms) {
        this.terms = terms;
    }

    Set<String> of(String sentence, String lang) {
        String folded = BilingualTerms.fold(Normalizer.normalize(sentence, Normalizer.Form.NFKC));
        return "ja".equals(lang) ? japanese(folded) : english(folded);
    }

    private Set<String> japanese(String s) {
        Set<String> keys = new HashSet<>();
        Matcher month = JAPANESE_MONTH.matcher(s);
        while (month.find()) {
            keys.add("m:" + Integer.parseInt(month.group(1)));
        }
        // 9月 is September, not the number 9 English would have to mention
        NumberMentions.japanese(JAPANESE_MONTH.matcher(s).replaceAll("　月")).keySet().forEach(k -> keys.add("n:" + k));
        for (BilingualTerms.Term t : terms) {
            if (s.contains(t.ja())) {
                keys.add("t:" + t.ja());
            }
        }
        Matcher latin = LATIN_WORD.matcher(s);
        while (latin.find()) {
            keys.add("w:" + latin.group());
        }
        return keys;
    }

    private Set<String> english(String s) {
        Set<String> keys = new HashSet<>();
        NumberMentions.english(s).keySet().forEach(k -> keys.add("n:" + k));
        Matcher words = ENGLISH_WORDS.matcher(s);
        while (words.find()) {
            long value = TENS.containsKey(words.group(1)) ? TENS.get(words.group(1)) : WORDS.indexOf(words.group(1));
            if (words.group(2) != null) {
                value *= switch (words.group(2)) {
                    case "thousand" -> 1_000L;
                    case "million" -> 1_000_000L;
                    default -> 1_000_000_000L;
                };
            }
            keys.add("n:" + value);
        }
        Matcher month = ENGLISH_MONTH.matcher(s);
        while (month.find()) {
            keys.add("m:" + (MONTHS.indexOf(month.group(1)) + 1));
        }
        String padded = " " + s.replaceAll("[^\\p{L}\\p{N}'-]+", " ") + " ";
        for (BilingualTerms.Term t : terms) {
            for (String en : t.en()) {
                if (padded.contains(" " + en + " ")) {
                    keys.add("t:" + t.ja());
                    break;
                }
            }
        }
        Matcher latin = LATIN_WORD.matcher(s);
        while (latin.find()) {
            keys.add("w:" + latin.group());
        }
        return keys;
    }
}
