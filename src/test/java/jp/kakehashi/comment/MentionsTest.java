package jp.kakehashi.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who a comment names, as Japanese and English staff write: names found, addresses left alone. */
class MentionsTest {
    private static final Set<String> ACCOUNTS = Set.of("sato", "ed-1", "j.smith");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@sato please check|sato",
            "確認@sato お願いします|sato",
            "＠sato さん、日付を|sato",
            "(@sato) and @ed-1.|sato ed-1",
            "@j.smith, thanks|j.smith",
            "cc @sato @sato|sato",
            "mail@sato.example.org|",
            "a.b@sato|",
            "x+tag@sato|",
            "@@sato|",
            "@nobody here|",
            "「@ed-1」さん|ed-1"})
    void namesAreFoundWhereTheyStandAndNotInsideAddresses(String text, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split(" "));
        assertEquals(want, List.copyOf(Mentions.in(text, ACCOUNTS::contains)), text);
    }
}
