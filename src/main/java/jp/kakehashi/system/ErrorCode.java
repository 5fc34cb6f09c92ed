package jp.kakehashi.system;

import io.micronaut.http.HttpStatus;

/**
 * Every error the API can answer, with its HTTP status. The name is the stable {@code code} of the
 * problem+json body; the localised title comes from {@code locales/messages_*.properties}
 * ({@code problem.CODE}), so clients branch on the code, people read the title.
 */
public enum ErrorCode {
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST),
    EMPTY_BODY(HttpStatus.BAD_REQUEST),
    BINARY_BODY(HttpStatus.BAD_REQUEST),
    INVALID_UTF8(HttpStatus.BAD_REQUEST),
    NUL_BYTE(HttpStatus.BAD_REQUEST),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST),
    INVALID_XML(HttpStatus.BAD_REQUEST),
    AMBIGUOUS_FRAMING(HttpStatus.BAD_REQUEST),
    INVALID_HOST(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    FOUR_EYES(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    DUPLICATE_BULLETIN(HttpStatus.CONFLICT),
    POSSIBLE_DUPLICATE(HttpStatus.CONFLICT),
    CONFLICT(HttpStatus.CONFLICT),
    WRONG_STATE(HttpStatus.CONFLICT),
    SOURCE_CHANGED(HttpStatus.CONFLICT),
    RELEASE_BLOCKED(HttpStatus.CONFLICT),
    USERNAME_TAKEN(HttpStatus.CONFLICT),
    LAST_ADMIN(HttpStatus.CONFLICT),
    TERM_EXISTS(HttpStatus.CONFLICT),
    ALREADY_ACKNOWLEDGED(HttpStatus.CONFLICT),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED),
    PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED),
    BODY_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    URI_TOO_LONG(HttpStatus.REQUEST_URI_TOO_LONG),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    VALIDATION_FAILED(HttpStatus.UNPROCESSABLE_ENTITY),
    NO_ITEMS(HttpStatus.UNPROCESSABLE_ENTITY),
    DATE_REQUIRED(HttpStatus.UNPROCESSABLE_ENTITY),
    UNKNOWN_OFFICE(HttpStatus.UNPROCESSABLE_ENTITY),
    FIELD_TOO_LONG(HttpStatus.UNPROCESSABLE_ENTITY),
    TOO_MANY_ITEMS(HttpStatus.UNPROCESSABLE_ENTITY),
    REASON_REQUIRED(HttpStatus.UNPROCESSABLE_ENTITY),
    EMPTY_TARGET(HttpStatus.UNPROCESSABLE_ENTITY),
    QA_FAILED(HttpStatus.UNPROCESSABLE_ENTITY),
    XLIFF_MISMATCH(HttpStatus.UNPROCESSABLE_ENTITY),
    NOT_A_WARNING(HttpStatus.UNPROCESSABLE_ENTITY),
    WEAK_PASSWORD(HttpStatus.UNPROCESSABLE_ENTITY),
    MAIL_NOT_CONFIGURED(HttpStatus.UNPROCESSABLE_ENTITY),
    CONFIRMATION_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
    ADDRESS_REFUSED(HttpStatus.UNPROCESSABLE_ENTITY),
    LOCKED(HttpStatus.LOCKED),
    LEASE_EXPIRED(HttpStatus.LOCKED),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR),
    DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    SEARCH_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    JOB_INTERRUPTED(HttpStatus.SERVICE_UNAVAILABLE),
    HTTP_VERSION_NOT_SUPPORTED(HttpStatus.HTTP_VERSION_NOT_SUPPORTED);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The stable URI of the problem type, as RFC 9457 asks for. */
    public String type() {
        return "urn:kakehashi:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Generic code for a status Micronaut produced itself (no route, wrong method, …). */
    /** The code named in a page's {@code ?error=}, or null for anything that is not one. */
    public static @io.micronaut.core.annotation.Nullable String known(@io.micronaut.core.annotation.Nullable String name) {
        for (ErrorCode c : values()) {
            if (c.name().equals(name)) {
                return name;
            }
        }
        return null;
    }

    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 428 -> PRECONDITION_REQUIRED;
            case 413 -> BODY_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 431 -> HEADERS_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION_FAILED;
            case 423 -> LOCKED;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
