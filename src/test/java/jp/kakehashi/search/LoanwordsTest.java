package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Katakana loanwords against English spellings: the romaji is what {@link TermExpansions#romaji} gives. */
class LoanwordsTest {

    @Test
    void englishWordsMeetTheirKatakanaSpellings() {
        String[][] loans = {{"webinar", "ウェビナー"}, {"program", "プログラム"}, {"symposium", "シンポジウム"},
            {"forum", "フォーラム"}, {"expo", "エキスポ"}, {"fair", "フェア"}, {"promotion", "プロモーション"},
            {"event", "イベント"}, {"palmerston", "パーマストン"}, {"seminar", "セミナー"}, {"festival", "フェスティバル"},
            {"workshop", "ワークショップ"}, {"conference", "カンファレンス"}, {"online", "オンライン"},
            {"table", "テーブル"}, {"football", "フットボール"}, {"marathon", "マラソン"}};
        for (String[] loan : loans) {
            String romaji = TermExpansions.romaji(loan[1]);
            assertTrue(Loanwords.match(loan[0], romaji, Loanwords.MIN_LENGTH),
                    loan[0] + " / " + loan[1] + " (" + romaji + ") cost " + Loanwords.cost(Loanwords.spoken(loan[0]), romaji));
        }
    }

    @Test
    void wordsOfNearlyTheSameLettersAreNotLoanwords() {
        String[][] strangers = {{"form", "フォーラム"}, {"former", "フォーラム"}, {"from", "フォーラム"},
            {"matches", "マンチェス"}, {"semi", "セミナー"}, {"sister", "システム"}, {"fare", "フォーラム"},
            {"event", "エベレスト"}, {"shirakwa", "サッカー"}, {"shikoku", "シカコ"}, {"program", "プログレス"}};
        for (String[] s : strangers) {
            String romaji = TermExpansions.romaji(s[1]);
            assertFalse(Loanwords.match(s[0], romaji, Loanwords.MIN_LENGTH),
                    s[0] + " / " + s[1] + " (" + romaji + ") cost " + Loanwords.cost(Loanwords.spoken(s[0]), romaji));
        }
    }

    @Test
    void shortWordsOnlyWhereAskedFor() {
        String poppu = TermExpansions.romaji("ポップ");
        assertFalse(Loanwords.match("pop", poppu, Loanwords.MIN_LENGTH));
        assertTrue(Loanwords.match("pop", poppu, 3));
    }

    @Test
    void randomLettersNeverThrow() {
        Random random = new Random(20261206);
        for (int i = 0; i < 2_000; i++) {
            String a = letters(random, random.nextInt(30));
            String b = letters(random, random.nextInt(30));
            Loanwords.match(a, b, 3);
            Loanwords.kanaInitials(a.isEmpty() ? 'q' : a.charAt(0));
        }
    }

    private static String letters(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
