package jp.kakehashi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BilingualTermsTest {

    @Test
    void theShippedFileHasAtLeast150PairsInBothDirections() {
        List<BilingualTerms.Term> terms = new BilingualTerms().all();
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
}
