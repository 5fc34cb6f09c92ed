package jp.kakehashi.bulletin.imports;

import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.Utf8;

/** Turns an uploaded plain-text body into a String, refusing what is not UTF-8 text. */
public final class TextBodies {
    private static final int SNIFF = 8192;

    private TextBodies() {
    }

    public static String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(ErrorCode.EMPTY_BODY, "Send the bulletin text as text/plain; charset=utf-8");
        }
        if (looksBinary(body)) {
            throw new ApiException(ErrorCode.BINARY_BODY, "The body looks like a binary file, not text");
        }
        String text;
        try {
            text = Utf8.decode(body, "text");
        } catch (ApiException e) {
            throw e.code() == ErrorCode.INVALID_UTF8 ? new ApiException(ErrorCode.INVALID_UTF8,
                    "The body is not valid UTF-8 (Shift_JIS or EUC-JP must be converted first)") : e;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ApiException(ErrorCode.EMPTY_BODY, "The body contains only whitespace");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B) {
                throw new ApiException(ErrorCode.BINARY_BODY, "Control character U+%04X at offset %d".formatted((int) c, i));
            }
        }
        return text;
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
}
