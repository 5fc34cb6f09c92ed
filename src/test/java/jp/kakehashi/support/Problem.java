package jp.kakehashi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one way tests check an error answer: status, problem+json, stable code. */
public final class Problem {
    private Problem() {
    }

    public static void assertProblem(Http.Response r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(code, r.map().get("code"), r.body());
    }

    /** A query or path parameter the API cannot use: 400 INVALID_PARAMETER naming it in {@code field}. */
    public static void assertInvalidParameter(Http.Response r, String field) {
        assertProblem(r, 400, "INVALID_PARAMETER");
        assertEquals(field, r.map().get("field"), r.body());
    }
}
