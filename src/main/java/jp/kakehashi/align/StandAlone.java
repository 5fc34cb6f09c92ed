package jp.kakehashi.align;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Lines that translators translate on their own or leave out, and never merge with a sentence:
 * an item's attribution ({@code （パリ事務所）}, "(Paris Office)"), a link's text
 * ({@code 詳しくはこちら。}, "Click here for details."), a photo caption ({@code 写真：…}).
 */
final class StandAlone {
    private static final Pattern JAPANESE = Pattern.compile(
            "\\([^()]{1,20}\\)|.{0,12}(こちら|ご覧ください|ご参照ください)。?|(写真|※).*");
    private static final Pattern ENGLISH = Pattern.compile(
            "(?i)\\([^()]{1,40}\\)|(click|see|visit|read) (here|the [^.]{1,40})( for [^.]{1,30})?\\.?|photo:.*");

    private StandAlone() {
    }

    static boolean is(String sentence, String lang) {
        String s = Normalizer.normalize(sentence, Normalizer.Form.NFKC).strip();
        return ("ja".equals(lang) ? JAPANESE : ENGLISH).matcher(s).matches();
    }
}
