package jp.kakehashi.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.Set;
import jp.kakehashi.analysis.BilingualTerms;
import jp.kakehashi.segment.Segmenter;
import org.junit.jupiter.api.Test;

class CarryOverTest {
    private static final String OLD = "白河市の生徒がパリを訪れた。市長が歓迎した。\n交流は今年で10年目。詳しくはこちら。（パリ事務所）";
    private static final String DRAFT = "Pupils from Shirakawa visited Paris and were welcomed by the mayor.\n"
            + "The exchange is in its tenth year. (Paris Office)";
    private static final List<String> LINKS = List.of("0+1=0", "2=1", "3=", "4=2");

    private static Aligner.Alignment old() {
        return new Aligner(new BilingualTerms(jp.kakehashi.system.Assets.packaged())).align(OLD, "ja", DRAFT, "en", LINKS);
    }

    private static List<String> texts(CarryOver.Carried c) {
        return c.rows().stream().map(r -> r.sources() + "=" + r.text()).toList();
    }

    @Test
    void unchangedSentencesKeepTheirTranslationAndAChangedOneIsEmptyAndNamed() {
        CarryOver.Carried c = CarryOver.carry(old(), OLD.replace("10年目", "11年目"), "ja");
        assertEquals(List.of("0+1=Pupils from Shirakawa visited Paris and were welcomed by the mayor.", "2=", "3=",
                "4=(Paris Office)"), texts(c));
        assertEquals(Set.of(2), c.changed(), "the left-out link text needs no work; the revised sentence does");
    }

    @Test
    void aSentenceChangedInsideAMergedLinkBreaksTheLinkAndBothNeedWork() {
        CarryOver.Carried c = CarryOver.carry(old(), OLD.replace("市長が歓迎した。", "市長と副市長が歓迎した。"), "ja");
        assertEquals(List.of("0=", "1=", "2=The exchange is in its tenth year.", "3=", "4=(Paris Office)"), texts(c));
        assertEquals(Set.of(0, 1), c.changed());
    }

    @Test
    void anInsertedSentenceIsNewAndEverythingAroundItStays() {
        CarryOver.Carried c = CarryOver.carry(old(), OLD.replace("\n", "\n一行は学校も訪れた。"), "ja");
        assertEquals(List.of("0+1=Pupils from Shirakawa visited Paris and were welcomed by the mayor.", "2=",
                "3=The exchange is in its tenth year.", "4=", "5=(Paris Office)"), texts(c));
        assertEquals(Set.of(2), c.changed());
        // and the carried draft composes into a text whose links fit it
        Composition.Composed composed = Composition.compose(OLD.replace("\n", "\n一行は学校も訪れた。"), "ja", c.rows(), "en");
        assertEquals("Pupils from Shirakawa visited Paris and were welcomed by the mayor.\n"
                + "The exchange is in its tenth year. (Paris Office)", composed.body());
        assertEquals(List.of("0+1=0", "2=", "3=1", "4=", "5=2"), composed.links());
    }

    @Test
    void randomRevisionsAlwaysCarryIntoRowsThatCompose() {
        Random random = new Random(7);
        List<String> pool = List.of("あ。", "い。", "う。", "え。", "お。", "（パリ事務所）", "詳しくはこちら。", "\n");
        for (int round = 0; round < 500; round++) {
            StringBuilder revised = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                revised.append(pool.get(random.nextInt(pool.size())));
            }
            String source = revised.toString();
            CarryOver.Carried c = CarryOver.carry(old(), source, "ja");
            Composition.Composed composed = Composition.compose(source, "ja", c.rows(), "en");
            Link.parseAll(composed.links(), Segmenter.split(source, "ja").size(),
                    Segmenter.split(composed.body(), "en").size());
        }
    }
}
