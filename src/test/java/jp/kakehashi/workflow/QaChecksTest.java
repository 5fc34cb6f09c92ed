package jp.kakehashi.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QaChecksTest {
    private static final String SOURCE = "4月4日、ジャカルタで日本祭りが開かれ、延べ3万5000人が来場した。";

    @Test
    void aCleanTranslationPassesWithAtMostWarnings() {
        List<QaChecks.Issue> issues = QaChecks.check(SOURCE, "Jakarta Japan Festival",
                "The Jakarta Japan Festival on 4 April drew a total of 35,000 visitors.", "en");
        assertFalse(QaChecks.blocking(issues), issues.toString());
        assertEquals(List.of("NUMBERS"), issues.stream().map(QaChecks.Issue::code).toList(),
                "3万5000 is 35,000: numbers are only a warning");
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
