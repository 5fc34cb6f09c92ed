package jp.kakehashi.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a correctly signed token that lacks what {@link TokenClaims} requires, that was signed out,
 * or whose user was deactivated or whose epoch was bumped (password change, deactivation, role
 * change). Checked against MariaDB on every request so that revocation is immediate on every
 * instance; it is one primary-key read.
 */
@Singleton
class TokenRevocation implements GenericJwtClaimsValidator<HttpRequest<?>> {
    private final StaffLookup lookup;

    TokenRevocation(StaffLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        if (!(subject instanceof String name) || !TokenClaims.acceptable(claims::get, Instant.now())) {
            return false;
        }
        Map<String, Object> attributes = Map.of(
                StaffLookup.USER_ID, claims.get(StaffLookup.USER_ID) == null ? "" : claims.get(StaffLookup.USER_ID),
                StaffLookup.EPOCH, claims.get(StaffLookup.EPOCH) == null ? "" : claims.get(StaffLookup.EPOCH),
                TokenClaims.JTI, claims.get(TokenClaims.JTI));
        Collection<String> none = List.of();
        Optional<Verified> user = lookup.current(Authentication.build(name, none, attributes));
        if (request != null) {
            user.ifPresent(u -> request.setAttribute(StaffLookup.VERIFIED_USER, u));
        }
        return user.isPresent();
    }
}
