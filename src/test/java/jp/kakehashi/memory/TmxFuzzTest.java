package jp.kakehashi.memory;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Jazzer fuzz test of the TMX reader. In the normal test run it replays its corpus
 * ({@code src/test/resources/jp/kakehashi/memory/TmxFuzzTestInputs/…}: a valid file with inline
 * codes and a CR reference, XXE, entity expansion, a truncated file);
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=TmxFuzzTest} fuzzes it with coverage guidance. Anything but
 * a clean INVALID_XML (or TOO_MANY_ITEMS) refusal fails.
 */
class TmxFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void tmxReaderRefusesAnythingItCannotUseWithInvalidXml(byte[] input) {
        try {
            TmxFormat.read(input);
        } catch (ApiException e) {
            if (e.code() != ErrorCode.INVALID_XML && e.code() != ErrorCode.TOO_MANY_ITEMS) {
                throw e;
            }
        }
    }
}
