package jp.kakehashi.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Optional;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.system.ApiException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Who is signed in on the pages: the token from the HttpOnly sign-in cookie, validated exactly like
 * a bearer token (signature, expiry, revocation). The cookie is read here only, never by the API:
 * API writes need a bearer header, which a forged cross-site request cannot carry.
 */
@Singleton
class PageSession {
    private final Collection<TokenValidator<HttpRequest<?>>> validators;
    private final StaffLookup staff;

    PageSession(Collection<TokenValidator<HttpRequest<?>>> validators, StaffLookup staff) {
        this.validators = validators;
        this.staff = staff;
    }

    Optional<Staff> of(HttpRequest<?> request) {
        return authentication(request).flatMap(auth -> {
            try {
                return staff.of(auth).filter(Staff::isStaff);
            } catch (ApiException revoked) {
                return Optional.empty();
            }
        });
    }

    /** The cookie's token, if it is valid and not revoked. */
    Optional<Authentication> authentication(HttpRequest<?> request) {
        Optional<String> token = request.getCookies().findCookie(Csrf.SIGN_IN_COOKIE).map(Cookie::getValue)
                .filter(v -> !v.isBlank());
        if (token.isEmpty()) {
            return Optional.empty();
        }
        for (TokenValidator<HttpRequest<?>> v : validators) {
            Authentication auth = first(v.validateToken(token.get(), request));
            if (auth != null) {
                return Optional.of(auth);
            }
        }
        return Optional.empty();
    }

    private static Authentication first(Publisher<Authentication> publisher) {
        CompletableFuture<Authentication> result = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(Authentication a) {
                result.complete(a);
            }

            @Override
            public void onError(Throwable t) {
                result.complete(null);
            }

            @Override
            public void onComplete() {
                result.complete(null);
            }
        });
        try {
            return result.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }
}
