package jp.kakehashi.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import jp.kakehashi.system.RandomTokens;

/**
 * Cross-site request forgery defence for the pages (double submit): the sign-in cookie is
 * SameSite=Strict already, and on top every page form carries {@code _csrf} equal to the HttpOnly
 * {@code csrf} cookie, checked by the page handlers. The API does not read the sign-in cookie at all
 * (see {@link PageSession}), so it needs no token.
 */
final class Csrf {
    static final String COOKIE = "csrf";
    static final String SIGN_IN_COOKIE = "JWT";

    private Csrf() {
    }

    static boolean valid(HttpRequest<?> request, String sent) {
        String expected = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse("");
        return sent != null && !expected.isEmpty() && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    static String token(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse("");
    }

    /** A fresh token, set as an HttpOnly strict cookie; forms embed it as {@code _csrf}. */
    static String issue(MutableHttpResponse<?> response, boolean secure) {
        String token = RandomTokens.urlSafe(24);
        response.cookie(Cookie.of(COOKIE, token).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(secure));
        return token;
    }
}
