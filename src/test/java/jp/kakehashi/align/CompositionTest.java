package jp.kakehashi.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.kakehashi.segment.Segmenter;
import org.junit.jupiter.api.Test;

class CompositionTest {
    /** Two paragraphs, four sentences: 0, 1 | 2, 3 (the attribution). */
    private static final String SOURCE = "白河市の生徒がパリを訪れた。市長が歓迎した。\n交流は今年で10年目。（パリ事務所）";

    private static Composition.Composed compose(String... sourcesAndTexts) {
        List<Composition.Row> rows = new ArrayList<>();
        for (int i = 0; i < sourcesAndTexts.length; i += 2) {
            rows.add(new Composition.Row(sourcesAndTexts[i], sourcesAndTexts[i + 1]));
        }
        return Composition.compose(SOURCE, "ja", rows, "en");
    }

    @Test
    void rowsOfOneSourceParagraphMakeOneTargetParagraph() {
        Composition.Composed c = compose("0", "Pupils from Shirakawa visited Paris.", "1", "The mayor welcomed them.",
                "2", "The exchange is in its tenth year.", "3", "(Paris Office)");
        assertEquals("Pupils from Shirakawa visited Paris. The mayor welcomed them.\n"
                + "The exchange is in its tenth year. (Paris Office)", c.body());
        assertEquals(List.of("0=0", "1=1", "2=2", "3=3"), c.links());
    }

    @Test
    void aMergedRowAnEmptyRowAndASplitRowBecomeTheirLinks() {
        Composition.Composed c = compose("0+1", "The mayor welcomed pupils from Shirakawa in Paris.",
                "2", "The exchange began ten years ago. It is now a tradition.", "3", "");
        assertEquals("The mayor welcomed pupils from Shirakawa in Paris.\n"
                + "The exchange began ten years ago. It is now a tradition.", c.body());
        assertEquals(List.of("0+1=0", "2=1+2", "3="), c.links());
    }

    @Test
    void aSentenceTheTranslatorAddedIsALinkWithoutSource() {
        Composition.Composed c = compose("0", "Pupils visited Paris.", "", "Shirakawa is in Fukushima.",
                "1", "The mayor welcomed them.", "2", "Tenth year.", "3", "(Paris Office)");
        assertEquals(List.of("0=0", "=1", "1=2", "2=3", "3=4"), c.links());
        assertEquals("Pupils visited Paris. Shirakawa is in Fukushima. The mayor welcomed them.\n"
                + "Tenth year. (Paris Office)", c.body());
    }

    @Test
    void aRowLeftWithoutAFullStopRunsOnIntoTheNextAndTheirLinksJoin() {
        Composition.Composed c = compose("0", "Pupils visited Paris and", "1", "the mayor welcomed them.",
                "2", "Tenth year.", "3", "(Paris Office)");
        assertEquals(List.of("0+1=0", "2=1", "3=2"), c.links());
    }

    @Test
    void japaneseRowsAreJoinedWithoutSpaces() {
        Composition.Composed c = Composition.compose("Pupils visited Paris. The mayor welcomed them.", "en",
                List.of(new Composition.Row("0", "生徒がパリを訪れた。"), new Composition.Row("1", " 市長が\n歓迎した。 ")),
                "ja");
        assertEquals("生徒がパリを訪れた。市長が 歓迎した。", c.body());
        assertEquals(List.of("0=0", "1=1"), c.links());
    }

    @Test
    void aTableRowIsComposedCellByCellAndAnUntranslatedCellStaysEmpty() {
        String source = "## 研修日程\n| 日付 | 内容 | 会場 |\n| 9月21日 | 開講式。歓迎会。 | |";
        Composition.Composed c = Composition.compose(source, "ja", List.of(
                new Composition.Row("0", "Schedule"),
                new Composition.Row("1", "Date"), new Composition.Row("2", "Programme"), new Composition.Row("3", "Venue"),
                new Composition.Row("4", "21 September"), new Composition.Row("5", "Opening | ceremony."),
                new Composition.Row("6", "Welcome party.")), "en");
        assertEquals("## Schedule\n| Date | Programme | Venue |\n| 21 September | Opening ｜ ceremony. Welcome party. |  |",
                c.body());
        assertEquals(List.of("0=0", "1=1", "2=2", "3=3", "4=4", "5=5", "6=6"), c.links());
    }

    @Test
    void listMarkersAreCopiedAndACellLeftEmptyKeepsTheRowShape() {
        String source = "Activities:\n- Seminar in London.\n- School visit.\n| Name | Role |";
        Composition.Composed c = Composition.compose(source, "en", List.of(
                new Composition.Row("0", "活動："), new Composition.Row("1", "ロンドンでセミナー。"),
                new Composition.Row("2", "学校訪問。"), new Composition.Row("3", ""), new Composition.Row("4", "役割")),
                "ja");
        assertEquals("活動：\n- ロンドンでセミナー。\n- 学校訪問。\n|  | 役割 |", c.body());
        assertEquals(List.of("0=0", "1=1", "2=2", "3=", "4=3"), c.links());
    }

    @Test
    void rowsThatSkipRepeatOrMissASourceSentenceAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> compose("0", "a.", "2", "b.", "3", "c."));
        assertThrows(IllegalArgumentException.class, () -> compose("0", "a.", "0+1", "b.", "2+3", "c."));
        assertThrows(IllegalArgumentException.class, () -> compose("0+1+2", "a."));
        assertThrows(IllegalArgumentException.class, () -> compose("0", "a.", "x", "b.", "1+2+3", "c."));
        assertThrows(IllegalArgumentException.class, () -> compose("1+0", "a.", "2+3", "c."));
    }

    @Test
    void randomRowsAlwaysComposeToLinksThatFitTheirText() {
        Random random = new Random(42);
        String alphabet = "ab .。\n(（)）こ";
        int sources = Segmenter.split(SOURCE, "ja").size();
        for (int round = 0; round < 2000; round++) {
            List<Composition.Row> rows = new ArrayList<>();
            int s = 0;
            while (s < sources || random.nextInt(4) == 0) {
                int take = s < sources ? random.nextInt(Math.min(3, sources - s + 1)) : 0;
                StringBuilder sides = new StringBuilder();
                for (int k = 0; k < take; k++) {
                    sides.append(k == 0 ? "" : "+").append(s++);
                }
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(12); k > 0; k--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                rows.add(new Composition.Row(sides.toString(), text.toString()));
            }
            String lang = random.nextBoolean() ? "en" : "ja";
            Composition.Composed c = Composition.compose(SOURCE, "ja", rows, lang);
            // the check a save makes: the links cover both texts' sentences exactly, in order
            Link.parseAll(c.links(), sources, Segmenter.split(c.body(), lang).size());
        }
    }
}
