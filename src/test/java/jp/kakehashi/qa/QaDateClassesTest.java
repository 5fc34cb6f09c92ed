package jp.kakehashi.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Japanese ways of writing dates that a correct English translation writes differently: no warning. */
class QaDateClassesTest {
    private static List<String> codes(String ja, String en) {
        return QaChecks.check(ja, "Title", en, "en").stream().map(i -> i.code() + " " + i.detail()).toList();
    }

    @Test
    void correctTranslationsOfJapaneseDateShapesRaiseNoWarning() {
        String[][] pairs = {
            {"9月21、22日にパリで開催した。", "It was held in Paris on 21 and 22 September."},
            {"9月23日から26日まで滞在した。", "They stayed from 23 to 26 September."},
            {"会期は23日から26日。", "The fair ran from 23 to 26 September."},
            {"9月25日から27日まで開かれた。", "It was held from 25 to 27 September."},
            {"事務所は2020年3月に開設された。", "The office opened in March 2020."},
            {"2020年にソウルで始まった。", "It began in 2020 in Seoul."},
            {"令和2年に始まった。", "It began in 2020."},
            {"交流は1周年を迎えた。", "The exchange marked its first anniversary."},
            {"設立10周年を祝った。", "They celebrated the tenth anniversary of its founding."},
            {"10月31日から11月2日まで開催。", "Held from 31 October to 2 November."},
        };
        for (String[] p : pairs) {
            assertEquals(List.of(), codes(p[0], p[1]), p[0] + " / " + p[1]);
        }
    }

    @Test
    void aWrongDayOrYearIsStillCaught() {
        assertEquals("DATES", codes("9月21、22日に開催した。", "It was held on 21 and 23 September.").getFirst().split(" ")[0]);
        assertEquals("DATES", codes("会期は23日から26日。", "The fair ran from 23 to 25 September.").getFirst().split(" ")[0]);
        assertEquals("DATES", codes("事務所は2020年3月に開設された。", "The office opened in March 2021.").getFirst().split(" ")[0]);
        assertEquals("NUMBERS", codes("交流は2周年を迎えた。", "The exchange marked its first anniversary.").getFirst().split(" ")[0]);
    }

    @Test
    void randomDateLikeTextNeverThrows() {
        java.util.Random random = new java.util.Random(11);
        String[] parts = {"1", "12", "月", "日", "、", "から", "まで", "～", "間", "年", "令和", "元", " ", "-", "31", "周年",
            "September", "first", "and", "to", "2020", ".", "G", "png", "割", "twice", "と", "平均", "th", ","};
        for (int i = 0; i < 5000; i++) {
            StringBuilder ja = new StringBuilder();
            StringBuilder en = new StringBuilder();
            for (int k = random.nextInt(20); k > 0; k--) {
                ja.append(parts[random.nextInt(parts.length)]);
                en.append(parts[random.nextInt(parts.length)]).append(' ');
            }
            QaChecks.check(ja.toString(), "t", en.toString(), "en");
            QaChecks.check(en.toString(), "t", ja.toString(), "ja");
        }
    }
}
