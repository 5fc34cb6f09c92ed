package jp.kakehashi.http;

import io.micronaut.core.annotation.Nullable;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/** Entity versions as ETags ({@code "7"}) and If-Match headers back to versions. */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** {@code "7"}, {@code W/"7"} or {@code 7}; {@code *} and absence mean "any version". */
    public static Long version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        v = v.startsWith("W/") ? v.substring(2) : v;
        v = v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "If-Match must be an ETag such as \"3\"");
        }
    }

    /** Writes that replace a whole resource must say which version they replace (428 otherwise). */
    public static long required(@Nullable String ifMatch) {
        Long v = version(ifMatch);
        if (v == null) {
            throw new ApiException(ErrorCode.PRECONDITION_REQUIRED, "Send If-Match with the ETag you read");
        }
        return v;
    }
}
