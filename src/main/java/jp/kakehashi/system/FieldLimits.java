package jp.kakehashi.system;

import java.util.List;

/**
 * Limits of the texts every feature stores: generous for real bulletins (a long item is ~3,000
 * characters) and small enough that no request makes the service hold or index unbounded text.
 * Lengths count code points, so a limit means the same for kanji and for Latin text.
 */
public final class FieldLimits {
    public static final int MAX_TITLE = 500;
    public static final int MAX_BODY = 50_000;
    public static final int MAX_CAPTIONS = 50;
    public static final int MAX_LINE = 500;
    public static final int MAX_DATELINE = 200;
    /** Reasons for sending back, taking over, retracting, acknowledging. */
    public static final int MAX_REASON = 2000;
    /** Links of a draft's sentence alignment (one per sentence at most). */
    public static final int MAX_LINKS = 10_000;

    private FieldLimits() {
    }

    /** An optional text field as stored: stripped, or null when absent or blank. */
    public static String strippedOrNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Refuses a field over {@code max} code points: 400 FIELD_TOO_LONG naming the field and the limit. */
    /**
     * The text's start, at most {@code max} code points with the "…" that says it goes on: for
     * excerpts in notifications, mail subjects and the history. Never splits a surrogate pair.
     */
    public static String clip(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    public static void length(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw tooLong(field, max);
        }
    }

    /** Checks caption-like lines (at most {@link #MAX_CAPTIONS}, each one line) and returns them. */
    public static List<String> lines(String field, List<String> values) {
        if (values.size() > MAX_CAPTIONS) {
            throw tooLong(field, MAX_CAPTIONS);
        }
        for (String v : values) {
            if (v == null || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, field + " entries must be single non-null lines");
            }
            length(field, v, MAX_LINE);
        }
        return values;
    }

    public static ApiException tooLong(String field, int max) {
        return new ApiException(ErrorCode.FIELD_TOO_LONG, field + " is longer than " + max)
                .with("field", field).with("limit", max);
    }
}
