package jp.kakehashi.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every response. The CSP allows no inline script or style at all and no other origin:
 * even text that escaped escaping could not run. Pages load only /assets/ from this service.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        response.getHeaders().add("Content-Security-Policy", CSP);
        response.getHeaders().add("X-Content-Type-Options", "nosniff");
        response.getHeaders().add("Referrer-Policy", "same-origin");
        response.getHeaders().add("X-Frame-Options", "DENY");
    }
}
