package jp.kakehashi.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StandAloneTest {
    @Test
    void attributionsLinkTextsAndCaptionsAreNamedInBothLanguagesAndSentencesAreNot() {
        assertEquals(Optional.of(StandAlone.Role.ATTRIBUTION), StandAlone.role("（パリ事務所）", "ja"));
        assertEquals(Optional.of(StandAlone.Role.LINK_TEXT), StandAlone.role("詳しくはこちら。", "ja"));
        assertEquals(Optional.of(StandAlone.Role.CAPTION), StandAlone.role("写真：歓迎会の様子", "ja"));
        assertEquals(Optional.of(StandAlone.Role.ATTRIBUTION), StandAlone.role("(Paris Office)", "en"));
        assertEquals(Optional.of(StandAlone.Role.LINK_TEXT), StandAlone.role("Click here for details.", "en"));
        assertEquals(Optional.of(StandAlone.Role.CAPTION), StandAlone.role("Photo: the welcome party", "en"));
        assertEquals(Optional.empty(), StandAlone.role("市長が一行を歓迎した。", "ja"));
        assertEquals(Optional.empty(), StandAlone.role("The mayor (a former teacher) welcomed them.", "en"));
    }
}
