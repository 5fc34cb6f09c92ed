package jp.kakehashi.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QaChecksTest {
    private static final String SOURCE = "4月4日、ジャカルタで日本祭りが開かれ、延べ3万5000人が来場した。";

    @Test
    void aMissingNumberOrDatePointsAtTheSegmentsThatMentionIt() {
        String source = "白河市の職員がパリを訪問した。延べ3万5000人が来場した。この事業は2020年3月に始まった。詳しくはこちら。";
        List<String> segments = List.of("白河市の職員がパリを訪問した。", "延べ3万5000人が来場した。",
                "この事業は2020年3月に始まった。", "詳しくはこちら。");
        String target = "Staff of Shirakawa visited Paris. Many people came. The project began recently.";
        assertEquals(List.of("DATES", "NUMBERS"), QaChecks.check(source, "Visit", target, "en").stream()
                .map(QaChecks.Issue::code).filter(c -> c.equals("NUMBERS") || c.equals("DATES")).toList());
        assertEquals(List.of(1), QaChecks.segments("NUMBERS", source, "Visit", target, "en", segments));
        assertEquals(List.of(2), QaChecks.segments("DATES", source, "Visit", target, "en", segments));
        // a quantity the draft has somewhere is no warning, wherever the translator put it
        String moved = "35,000 people came. Staff of Shirakawa visited Paris. The project began in March 2020.";
        assertEquals(List.of(), QaChecks.segments("NUMBERS", source, "Visit", moved, "en", segments));
        assertEquals(List.of(), QaChecks.segments("BRACKETS", source, "Visit", target, "en", segments));
    }

    @Test
    void aCleanTranslationPassesWithAtMostWarnings() {
        List<QaChecks.Issue> issues = QaChecks.check(SOURCE, "Jakarta Japan Festival",
                "The Jakarta Japan Festival on 4 April drew a total of 35,000 visitors.", "en");
        assertEquals(List.of(), issues, "3万5000 is 35,000 and 4月4日 is 4 April");
    }

    @Test
    void quantitiesAreComparedAsValuesAcrossJapaneseUnitsAndEnglishScales() {
        assertEquals(List.of(), codes("来場者は3万5000人、予算は1億円、職員は三千五百人。",
                "Visitors numbered 35,000, the budget was 100 million yen and staff 3,500."));
        assertEquals(List.of(), codes("総額2.5億円、1億2000万円を計上。", "A total of 250 million yen, of which 120,000,000 yen."));
        List<QaChecks.Issue> wrongZeros = QaChecks.check("延べ3万5000人が来場した。", "Fair",
                "A total of 3,500 people visited the fair.", "en");
        assertEquals("NUMBERS", wrongZeros.getFirst().code());
        assertTrue(wrongZeros.getFirst().detail().contains("3万5000"), wrongZeros.toString());
        assertFalse(QaChecks.blocking(wrongZeros), "a number is a warning a translator may answer");
        assertEquals(List.of(), codes("千葉県と八戸市の一部の職員が参加した。", "Some staff of Chiba and Hachinohe took part."),
                "kanji numerals inside names and words are not quantities");
    }

    @Test
    void numbersUpToTwentyMayBeSpelledOutInEnglish() {
        assertEquals(List.of(), codes("中学生10人と教員2人がパリを訪れた。",
                "Ten junior high school students and two teachers visited Paris."));
        assertEquals(List.of("NUMBERS"), codes("中学生10人がパリを訪れた。", "Eleven students visited Paris."));
        assertEquals(List.of(), codes("パリの学校の一つを訪れた。", "They visited one of the schools in Paris."),
                "one is no quantity the Japanese must have");
    }

    @Test
    void datesAreComparedAsDatesWithErasAndRunsOfDays() {
        assertEquals(List.of(), codes("令和8年9月27日、28日の両日、セミナーを開催した。",
                "The seminar was held on 27 and 28 September 2026."));
        assertEquals(List.of(), codes("9月27日～29日に開催。", "Held September 27-29."));
        List<String> offByAnEra = codes("令和8年9月27日に開催。", "Held on 27 September 2025.");
        assertEquals(List.of("DATES"), offByAnEra);
        assertEquals(List.of("DATES"), codes("9月27日、28日に開催。", "Held on 27 September."));
    }

    @Test
    void fullWidthLeftoversUnbalancedBracketsAndOddLengthsWarn() {
        assertEquals(List.of("FULL_WIDTH"), codes("パリで説明会を開催した。", "A briefing was held in Paris，France。"));
        assertEquals(List.of("BRACKETS"), codes("パリで説明会を開催した。", "A briefing (in Paris was held."));
        String longSource = "白河市の職員がパリを訪問し、観光説明会を開催した。現地の旅行会社や報道機関も多数参加した。";
        assertEquals(List.of("LENGTH_RATIO"), codes(longSource, "Staff visited."));
    }

    private static List<String> codes(String source, String target) {
        return QaChecks.check(source, "Title", target, "en").stream().map(QaChecks.Issue::code).toList();
    }

    @Test
    void copiedSourceAndJapaneseLeftInEnglishBlock() {
        assertTrue(QaChecks.blocking(QaChecks.check(SOURCE, "t", SOURCE, "en")));
        List<QaChecks.Issue> left = QaChecks.check(SOURCE, "Festival", "The festival in ジャカルタ drew visitors.", "en");
        assertTrue(QaChecks.blocking(left));
        assertEquals("UNTRANSLATED", left.getFirst().code());
        assertFalse(QaChecks.blocking(QaChecks.check("Shirakawa rice", "白河の米", "白河産の米の試食会。", "ja")),
                "Japanese is expected in a Japanese translation");
        assertFalse(QaChecks.blocking(QaChecks.check(SOURCE, "Daruma", "Shirakawa daruma (だるま) dolls.", "en")),
                "a short word in Japanese script is not a sentence left untranslated");
    }
}
