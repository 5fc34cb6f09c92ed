package jp.kakehashi.system;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8, the one rule for every text that enters: overlong forms ({@code C0 BC} for "<"),
 * encoded surrogates and truncated sequences are refused (400 INVALID_UTF8), never repaired or read
 * leniently, and so is NUL (400 NUL_BYTE), which no text here has a use for and which C-based tools
 * downstream (mariadb-dump, grep over exports) read as an end.
 */
public final class Utf8 {
    private static final int SNIFF = 8192;

    private Utf8() {
    }

    /** The text of {@code bytes}, or the refusal. */
    public static String decode(byte[] bytes, String what) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new ApiException(ErrorCode.NUL_BYTE, "NUL characters are not allowed in " + what);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(ErrorCode.INVALID_UTF8, "The " + what + " is not valid UTF-8");
        }
    }

    /**
     * A text body: refused as BINARY_BODY first when it looks like a file (a PNG sent as text has NULs
     * too, and "not text" says more than "has a NUL"), then decoded by {@link #decode}.
     */
    public static String decodeText(byte[] body) {
        if (looksBinary(body)) {
            throw new ApiException(ErrorCode.BINARY_BODY, "The body looks like a binary file, not text");
        }
        try {
            return decode(body, "text");
        } catch (ApiException e) {
            throw e.code() != ErrorCode.INVALID_UTF8 ? e : new ApiException(ErrorCode.INVALID_UTF8,
                    "The body is not valid UTF-8 (Shift_JIS or EUC-JP must be converted first)");
        }
    }

    /** More than one in ten of the first bytes being control bytes is a file, not a pasted text. */
    private static boolean looksBinary(byte[] body) {
        int n = Math.min(body.length, SNIFF);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                control++;
            }
        }
        return control * 10 > n;
    }

    /**
     * The escapes of a JSON text that would decode to what raw bytes may not carry: {@code \u0000}
     * and a surrogate escape without its partner ({@code \ud800} alone), which MariaDB's utf8mb4 stored
     * as "?". Anything else malformed is left to the JSON parser, which answers MALFORMED_JSON.
     */
    public static void requireCleanJsonEscapes(byte[] json) {
        boolean inString = false;
        boolean expectLow = false;
        for (int i = 0; i < json.length; i++) {
            byte c = json[i];
            if (!inString) {
                inString = c == '"';
                continue;
            }
            int cp = c == '\\' && i + 5 < json.length && json[i + 1] == 'u' ? hex(json, i + 2) : -1;
            if (cp == 0) {
                throw new ApiException(ErrorCode.NUL_BYTE, "NUL characters (\\u0000) are not allowed in JSON strings");
            }
            boolean low = cp >= 0xDC00 && cp <= 0xDFFF;
            if (expectLow != low) {
                throw new ApiException(ErrorCode.INVALID_UTF8, "A JSON string has a lone surrogate escape");
            }
            expectLow = cp >= 0xD800 && cp <= 0xDBFF;
            if (cp >= 0) {
                i += 5;
            } else if (c == '\\') {
                i++;
            } else if (c == '"') {
                inString = false;
            }
        }
    }

    private static int hex(byte[] b, int from) {
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }
}
