package jp.kakehashi.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal the client can act on. Carries the stable code, a safe detail and optional extension
 * members of the problem body (for example the items that blocked an import).
 */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ApiException(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public ApiException with(String key, Object value) {
        extensions.put(key, value);
        return this;
    }

    /**
     * A query or path parameter the API cannot use: 400, naming it in {@code field}, whichever the
     * feature and whether the value did not parse or parsed to something out of range.
     */
    public static ApiException invalidParameter(String field, String detail) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, detail).with("field", field);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }
}
