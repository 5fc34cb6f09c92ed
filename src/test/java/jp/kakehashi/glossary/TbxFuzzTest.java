package jp.kakehashi.glossary;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Jazzer fuzz test of the TBX reader. In the normal test run it replays its corpus
 * ({@code src/test/resources/jp/kakehashi/glossary/TbxFuzzTestInputs/…}: valid TBX 2 and TBX 2008
 * files, XXE, entity expansion, a truncated file); {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=TbxFuzzTest}
 * fuzzes it with coverage guidance. Anything but a clean INVALID_XML (or TOO_MANY_ITEMS, or
 * VALIDATION_FAILED for an unknown status) refusal fails.
 */
class TbxFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void tbxReaderRefusesAnythingItCannotUseWithInvalidXml(byte[] input) {
        try {
            TbxFormat.read(input);
        } catch (ApiException e) {
            if (e.code() != ErrorCode.INVALID_XML && e.code() != ErrorCode.TOO_MANY_ITEMS
                    && e.code() != ErrorCode.VALIDATION_FAILED) {
                throw e;
            }
        }
    }
}
