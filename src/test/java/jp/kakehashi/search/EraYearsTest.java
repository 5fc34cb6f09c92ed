package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A year typed in one form is searched in every form the bulletins write it in. */
class EraYearsTest {
    @Test
    void anEraYearIsAlsoItsWesternYear() {
        assertEquals(List.of("令和2年", "2020年", "2020"), EraYears.alternatives("令和2年"));
        assertEquals(List.of("令和元年", "2019年", "2019"), EraYears.alternatives("令和元年"));
        assertEquals(List.of("平成30年度の事業", "2018年度の事業"), EraYears.alternatives("平成30年度の事業"));
        assertEquals(List.of("昭和60年", "1985年", "1985"), EraYears.alternatives("昭和60年"));
    }

    @Test
    void aWesternYearIsAlsoItsEraYearAndTheYearAnEraChangedHasTwo() {
        assertEquals(List.of("2020", "令和2年"), EraYears.alternatives("2020"));
        assertEquals(List.of("2020年3月", "令和2年3月"), EraYears.alternatives("2020年3月"));
        assertEquals(List.of("2019", "令和元年", "平成31年"), EraYears.alternatives("2019"));
        assertEquals(List.of("1989", "平成元年", "昭和64年"), EraYears.alternatives("1989"));
    }

    @Test
    void theLatinAbbreviationOfAnEraYearIsBothAndOtherNumbersAreLeftAlone() {
        assertEquals(List.of("R2", "令和2年", "2020"), EraYears.alternatives("R2"));
        assertEquals(List.of("h31", "平成31年", "2019"), EraYears.alternatives("h31"));
        assertEquals(List.of("4,500"), EraYears.alternatives("4,500"));
        assertEquals(List.of("12345"), EraYears.alternatives("12345"));
        assertEquals(List.of("白河"), EraYears.alternatives("白河"));
        assertEquals(List.of("R2D2"), EraYears.alternatives("R2D2"));
        assertEquals(List.of("ab2020c"), EraYears.alternatives("ab2020c"));
        assertEquals(List.of("東京2020", "東京令和2年"), EraYears.alternatives("東京2020"));
    }
}
