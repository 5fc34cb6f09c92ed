package jp.kakehashi.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a correctly signed token must also say to be accepted: who issued it (this service), until
 * when it is valid ({@code exp} is required: a token without one would be valid for ever), from when
 * ({@code nbf}, if given, with a minute of clock skew) and its id ({@code jti}, which signing out
 * revokes). The signature needs the key, so these are defence in depth: a leaked key or a bug in
 * issuing must not mint tokens that never end.
 */
final class TokenClaims {
    static final String ISSUER = "kakehashi";
    static final String JTI = "jti";
    static final String EXP = "exp";
    private static final Duration SKEW = Duration.ofMinutes(1);

    private TokenClaims() {
    }

    static boolean acceptable(Function<String, Object> claims, Instant now) {
        Optional<Instant> exp = instant(claims.apply(EXP));
        Optional<Instant> nbf = instant(claims.apply("nbf"));
        return ISSUER.equals(claims.apply("iss"))
                && claims.apply(JTI) instanceof String jti && !jti.isBlank() && jti.length() <= 64
                && exp.isPresent() && exp.get().isAfter(now)
                && (claims.apply("nbf") == null || nbf.isPresent() && !nbf.get().isAfter(now.plus(SKEW)));
    }

    /** A NumericDate claim as parsed (a Date) or as a number of seconds. */
    static Optional<Instant> instant(Object claim) {
        if (claim instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (claim instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        return Optional.empty();
    }
}
