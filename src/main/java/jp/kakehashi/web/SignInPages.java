package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import jp.kakehashi.i18n.Messages;
import jp.kakehashi.security.ClientAddresses;
import jp.kakehashi.security.Logins;
import jp.kakehashi.security.SignOuts;
import jp.kakehashi.system.ApiException;

/**
 * Sign-in for the pages: the same {@link Logins} as the API, the token kept in an HttpOnly,
 * SameSite=Strict cookie (Secure behind TLS), plus a fresh CSRF token.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class SignInPages {
    private final Logins logins;
    private final Messages messages;
    private final PageLocale locales;
    private final ClientAddresses addresses;
    private final PageSession session;
    private final SignOuts signOuts;

    SignInPages(Logins logins, Messages messages, PageLocale locales, ClientAddresses addresses, PageSession session,
                SignOuts signOuts) {
        this.session = session;
        this.signOuts = signOuts;
        this.logins = logins;
        this.messages = messages;
        this.locales = locales;
        this.addresses = addresses;
    }

    @Get(uri = "/login{?lang}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> form(HttpRequest<?> request, @Nullable String lang) {
        Locale locale = locales.of(request, lang);
        Map<String, Object> model = ReaderPages.base(messages, request, locale);
        MutableHttpResponse<ModelAndView<Map<String, Object>>> response = HttpResponse.ok();
        model.put("csrf", Csrf.issue(response, secure(request)));
        locales.remember(response, lang);
        return response.body(new ModelAndView<>("login", model));
    }

    @Post(uri = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Nullable String username, @Nullable String password,
                                  @Nullable String _csrf) {
        Locale locale = locales.of(request, null);
        Map<String, Object> model = ReaderPages.base(messages, request, locale);
        String error;
        if (!Csrf.valid(request, _csrf)) {
            error = "FORBIDDEN";
        } else {
            try {
                Logins.SignedIn in = logins.signIn(username, password, addresses.of(request));
                MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create("/work"));
                response.cookie(Cookie.of(Csrf.SIGN_IN_COOKIE, in.token()).path("/").httpOnly(true)
                        .sameSite(SameSite.Strict).secure(secure(request)).maxAge(Duration.ofSeconds(Logins.EXPIRES_IN)));
                Csrf.issue(response, secure(request));
                return response;
            } catch (ApiException e) {
                error = e.code().name();
            }
        }
        MutableHttpResponse<ModelAndView<Map<String, Object>>> response = HttpResponse.status(HttpStatus.UNAUTHORIZED);
        model.put("csrf", Csrf.issue(response, secure(request)));
        model.put("error", error);
        model.put("username", username);
        return response.body(new ModelAndView<>("login", model));
    }

    @Post(uri = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Nullable String _csrf) {
        MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create("/"));
        if (Csrf.valid(request, _csrf)) {
            // the token itself ends, not only the browser's copy of it
            session.authentication(request).ifPresent(signOuts::signOut);
            response.cookie(Cookie.of(Csrf.SIGN_IN_COOKIE, "").path("/").maxAge(0));
        }
        return response;
    }

    static boolean secure(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
