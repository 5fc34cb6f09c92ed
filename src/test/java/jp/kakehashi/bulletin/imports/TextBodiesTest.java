package jp.kakehashi.bulletin.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TextBodiesTest {
    static Object[][] refused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        return new Object[][] {
            {new byte[0], ErrorCode.EMPTY_BODY},
            {" \n\u3000\n".getBytes(StandardCharsets.UTF_8), ErrorCode.EMPTY_BODY},
            {png, ErrorCode.BINARY_BODY},
            {"◇題\u0000(パリ事務所)".getBytes(StandardCharsets.UTF_8), ErrorCode.NUL_BYTE},
            {"◇題(パリ事務所)".getBytes(Charset.forName("Shift_JIS")), ErrorCode.INVALID_UTF8},
            {new byte[] {'a', (byte) 0xC3}, ErrorCode.INVALID_UTF8},
            {"◇題\u0007(パリ事務所)".getBytes(StandardCharsets.UTF_8), ErrorCode.BINARY_BODY},
        };
    }

    @ParameterizedTest
    @MethodSource("refused")
    void whatIsNotUtf8TextIsRefusedWithItsOwnCode(byte[] body, ErrorCode expected) {
        ApiException e = assertThrows(ApiException.class, () -> TextBodies.decode(body));
        assertEquals(expected, e.code());
    }

    @Test
    void aByteOrderMarkIsDroppedAndEverythingElseKept() {
        String text = "◇𠮷野家の🎌ｼﾞｪｯﾄ\r\n";
        assertEquals(text, TextBodies.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)));
    }
}
