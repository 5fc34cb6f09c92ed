package jp.kakehashi.bulletin.imports;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.util.Set;
import jp.kakehashi.bulletin.Bounds;
import jp.kakehashi.bulletin.CreateBulletinCommand;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Jazzer fuzz test of the text imports: any body is decoded, parsed as a flash bulletin and as a
 * report in either language, and the commands checked against the bounds, as the import endpoints
 * do before they write. The normal run replays the corpus (the test bulletins,
 * {@code src/test/resources/jp/kakehashi/bulletin/imports/TextImportFuzzTestInputs/…});
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=TextImportFuzzTest} fuzzes. Anything but a clean 4xx
 * refusal fails: the parsers see untrusted text from every office.
 */
class TextImportFuzzTest {
    private static final LocalDate FALLBACK = LocalDate.of(2026, 11, 22);
    private static final ChromeRules CHROME = ChromeRules.packaged();
    private static final Set<ErrorCode> CLEAN = Set.of(ErrorCode.EMPTY_BODY, ErrorCode.BINARY_BODY,
            ErrorCode.NUL_BYTE, ErrorCode.INVALID_UTF8, ErrorCode.FIELD_TOO_LONG, ErrorCode.TOO_MANY_ITEMS,
            ErrorCode.NO_ITEMS, ErrorCode.VALIDATION_FAILED);

    @FuzzTest(maxDuration = "60s")
    void anyTextIsParsedOrRefusedCleanly(byte[] input) {
        String text;
        try {
            text = TextBodies.decode(input);
        } catch (ApiException e) {
            clean(e);
            return;
        }
        checked(FlashParser.parse(text, FlashParserTest::office, FALLBACK).command());
        checked(ReportParser.parse(text, "PAR", "ja", FALLBACK, CHROME).command());
        checked(ReportParser.parse(text, "LON", "en", FALLBACK, CHROME).command());
        checked(ReportParser.parse(HtmlReport.convert(text).text(), "LON", "en", FALLBACK, CHROME).command());
    }

    private static void checked(CreateBulletinCommand command) {
        try {
            Bounds.check(command);
        } catch (ApiException e) {
            clean(e);
        }
    }

    private static void clean(ApiException e) {
        if (!CLEAN.contains(e.code()) || e.code().status().getCode() >= 500) {
            throw e;
        }
    }
}
