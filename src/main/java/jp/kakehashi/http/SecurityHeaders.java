package jp.kakehashi.http;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * Headers on every response, stamped by {@link FramingGuard} as the response leaves for the
 * socket: a server filter never sees what Micronaut answers by itself (401 and 403 of the security
 * filter, 400 for framing, 414, 431), so they went out without them. The CSP allows no inline script
 * or style at all and no other origin: even text that escaped escaping could not run. Pages load only
 * /assets/ from this service.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {
    }

    static void stamp(HttpHeaders headers) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Frame-Options", "DENY");
    }
}
