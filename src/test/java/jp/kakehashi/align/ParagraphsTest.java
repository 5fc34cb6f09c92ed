package jp.kakehashi.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import jp.kakehashi.segment.Segmenter;
import org.junit.jupiter.api.Test;

class ParagraphsTest {
    private static List<Paragraphs.Row> rows(String ja, String en, String... links) {
        List<Segmenter.Segment> s = Segmenter.split(ja, "ja");
        List<Segmenter.Segment> t = Segmenter.split(en, "en");
        return Paragraphs.rows(new Aligner.Alignment(ja, en, s, t, Link.parseAll(List.of(links), s.size(), t.size())));
    }

    @Test
    void paragraphsTranslatedOneByOneAreOneRowEach() {
        assertEquals(List.of(new Paragraphs.Row("甲。乙。", "One. Two."), new Paragraphs.Row("丙。", "Three.")),
                rows("甲。乙。\n丙。", "One. Two.\nThree.", "0=0", "1=1", "2=2"));
    }

    @Test
    void twoParagraphsMadeOneShareARowAndALeftOutLinkTextHasItsOwn() {
        assertEquals(List.of(new Paragraphs.Row("甲。\n乙。", "One, and two."), new Paragraphs.Row("詳しくはこちら。", ""),
                new Paragraphs.Row("（パリ事務所）", "(Paris Office)")),
                rows("甲。\n乙。\n\n詳しくはこちら。\n（パリ事務所）", "One, and two.\n(Paris Office)", "0+1=0", "2=", "3=1"));
    }

    @Test
    void aSentenceMovedAcrossAParagraphBreakJoinsTheRowsItTouches() {
        // the translator put the second Japanese paragraph's first sentence at the end of English paragraph one
        assertEquals(List.of(new Paragraphs.Row("甲。\n乙。丙。", "One. Two.\nThree.")),
                rows("甲。\n乙。丙。", "One. Two.\nThree.", "0=0", "1=1", "2=2"));
    }

    @Test
    void anUntranslatedTextIsOneRowPerParagraphWithEmptyTargets() {
        assertEquals(List.of(new Paragraphs.Row("甲。", ""), new Paragraphs.Row("乙。", "")),
                rows("甲。\n乙。", "", "0=", "1="));
    }
}
