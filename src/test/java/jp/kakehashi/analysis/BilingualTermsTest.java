package jp.kakehashi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.kakehashi.system.Assets;
import org.junit.jupiter.api.Test;

class BilingualTermsTest {

    @Test
    void theShippedFileHasAtLeast150PairsInBothDirections() {
        List<BilingualTerms.Term> terms = new BilingualTerms(Assets.packaged()).all();
        assertTrue(terms.size() >= 150, "pairs: " + terms.size());
        assertTrue(terms.contains(new BilingualTerms.Term("姉妹都市", List.of("sister city", "twin city", "twin town"))));
        assertTrue(terms.stream().anyMatch(t -> t.ja().equals("jetプログラム")), "NFKC-casefolded like queries");
    }

    @Test
    void malformedLinesFailWithFileAndLine() {
        var noColumn = assertThrows(IllegalArgumentException.class,
                () -> BilingualTerms.parse("# comment\n姉妹都市 sister city\n"));
        assertEquals("analyzers/crosslang/terms_ja_en.txt:2: expected 'Japanese | English [| English …]'",
                noColumn.getMessage());
        var swapped = assertThrows(IllegalArgumentException.class, () -> BilingualTerms.parse("sister city | 姉妹都市"));
        assertTrue(swapped.getMessage().startsWith("analyzers/crosslang/terms_ja_en.txt:1: the first column"));
        var empty = assertThrows(IllegalArgumentException.class, () -> BilingualTerms.parse("姉妹都市 |  | sister city"));
        assertTrue(empty.getMessage().contains(":1: column 2 must be English"), empty.getMessage());
    }

    @Test
    void badUserDictionaryLinesFailWithFileAndLine() {
        UserDictionaryCheck.check("# ok\n白河市,白河 市,シラカワ シ,カスタム名詞\n");
        var spelled = assertThrows(IllegalStateException.class,
                () -> UserDictionaryCheck.check("# c\n\n白河市,白川 市,シラカワ シ,カスタム名詞\n"));
        assertEquals("analyzers/ja/userdict_ja.txt:3: the segmentation '白川 市' does not spell '白河市'",
                spelled.getMessage());
        assertTrue(assertThrows(IllegalStateException.class,
                () -> UserDictionaryCheck.check("白河市,白河 市,シラカワ,カスタム名詞")).getMessage()
                .endsWith(":1: 2 segments but 1 readings"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> UserDictionaryCheck.check("白河,白河,しらかわ,カスタム名詞")).getMessage()
                .contains(":1: readings are written in katakana"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> UserDictionaryCheck.check("白河,白河")).getMessage().contains(":1: expected"));
    }
}
