package jp.kakehashi.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    @Test
    void japaneseEndsSentencesAtFullStopsAndMarksButKeepsQuotationsWhole() {
        String text = "白河市の職員がパリを訪問した。「ようこそ。」と市長は述べた！本当に？\n「こんにちは。元気？」と言った。";
        assertEquals(List.of(
                new Segmenter.Segment(0, 0, 15, "白河市の職員がパリを訪問した。"),
                new Segmenter.Segment(1, 15, 30, "「ようこそ。」と市長は述べた！"),
                new Segmenter.Segment(2, 30, 34, "本当に？"),
                new Segmenter.Segment(3, 35, 51, "「こんにちは。元気？」と言った。")), Segmenter.split(text, "ja"));
    }

    @Test
    void englishKeepsAbbreviationsAndInitialsInsideTheirSentence() {
        String text = "Mr. Sato met Dr. J. Smith at No. 5 Rue de Rivoli. The U.S. delegation arrived on 3 Oct. 2026.  "
                + "Was it useful? Yes!";
        List<String> sentences = Segmenter.split(text, "en").stream().map(Segmenter.Segment::text).toList();
        assertEquals(List.of("Mr. Sato met Dr. J. Smith at No. 5 Rue de Rivoli.",
                "The U.S. delegation arrived on 3 Oct. 2026.", "Was it useful?", "Yes!"), sentences);
        Segmenter.Segment second = Segmenter.split(text, "en").get(1);
        assertEquals(second.text(), text.substring(second.start(), second.end()), "offsets point into the text");
    }

    @Test
    void emptyTextHasNoSegmentsAndRandomTextNeverThrows() {
        assertEquals(List.of(), Segmenter.split("  \n ", "ja"));
        assertEquals(List.of(), Segmenter.split(null, "en"));
        Random random = new Random(42);
        String alphabet = "。！？「」『』（）.!? \n\tabcXYZ白河市パリ\uD83D\uDE00\u0301\u200B";
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (String lang : new String[] {"ja", "en"}) {
                for (Segmenter.Segment seg : Segmenter.split(s.toString(), lang)) {
                    assertEquals(seg.text(), s.substring(seg.start(), seg.end()));
                    assertTrue(!seg.text().isBlank());
                }
            }
        }
    }
}
