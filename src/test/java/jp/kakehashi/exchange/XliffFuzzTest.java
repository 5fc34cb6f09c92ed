package jp.kakehashi.exchange;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Jazzer fuzz test of the XLIFF reader; the normal test run replays its corpus
 * ({@code src/test/resources/jp/kakehashi/exchange/XliffFuzzTestInputs/…}), {@code JAZZER_FUZZ=1}
 * fuzzes. Anything but a clean refusal (INVALID_XML, XLIFF_MISMATCH, TOO_MANY_ITEMS) fails.
 */
class XliffFuzzTest {
    private static final Set<ErrorCode> CLEAN = Set.of(ErrorCode.INVALID_XML, ErrorCode.XLIFF_MISMATCH,
            ErrorCode.TOO_MANY_ITEMS);

    @FuzzTest(maxDuration = "60s")
    void xliffReaderRefusesAnythingItCannotUseCleanly(byte[] input) {
        try {
            XliffFormat.read(input);
        } catch (ApiException e) {
            if (!CLEAN.contains(e.code())) {
                throw e;
            }
        }
    }
}
