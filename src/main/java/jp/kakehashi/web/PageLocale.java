package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import jp.kakehashi.i18n.Messages;

/**
 * The page language: {@code ?lang=} (then remembered in a cookie), else the cookie, else
 * Accept-Language. Only ja and en exist; anything else falls back to Accept-Language.
 */
@Singleton
class PageLocale {
    static final String COOKIE = "lang";
    private final Messages messages;

    PageLocale(Messages messages) {
        this.messages = messages;
    }

    Locale of(HttpRequest<?> request, @Nullable String lang) {
        if ("ja".equals(lang) || "en".equals(lang)) {
            return Locale.forLanguageTag(lang);
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(v -> v.equals("ja") || v.equals("en")).map(Locale::forLanguageTag)
                .orElseGet(() -> messages.localeOf(request));
    }

    void remember(MutableHttpResponse<?> response, @Nullable String lang) {
        if ("ja".equals(lang) || "en".equals(lang)) {
            response.cookie(Cookie.of(COOKIE, lang).path("/").maxAge(Duration.ofDays(365)).sameSite(SameSite.Lax)
                    .httpOnly(true));
        }
    }
}
