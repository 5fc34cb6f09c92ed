package jp.kakehashi.bulletin.imports;

import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.Utf8;

/** Turns an uploaded plain-text body into a String, refusing what is not UTF-8 text. */
public final class TextBodies {
    private TextBodies() {
    }

    public static String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(ErrorCode.EMPTY_BODY, "Send the bulletin text as text/plain; charset=utf-8");
        }
        String text = Utf8.decodeText(body);
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
}
