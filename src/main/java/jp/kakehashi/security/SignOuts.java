package jp.kakehashi.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Signing out ends the token that signed out, on every instance: its id is kept in
 * {@code revoked_token} until it would have expired, and {@link StaffLookup} refuses it from then on.
 * Other sessions of the same person (another browser, a script's token) go on; ending all of them is
 * what a password change does.
 */
@Singleton
public class SignOuts {
    private final JdbcOperations jdbc;

    SignOuts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Revokes the token behind {@code authentication}; one without an id or expiry cannot be valid anyway. */
    @Transactional
    public void signOut(@Nullable Authentication authentication) {
        if (authentication == null || !(authentication.getAttributes().get(TokenClaims.JTI) instanceof String jti)) {
            return;
        }
        Instant expires = TokenClaims.instant(authentication.getAttributes().get(TokenClaims.EXP))
                .orElse(Instant.now().plusSeconds(Logins.EXPIRES_IN));
        jdbc.prepareStatement("DELETE FROM revoked_token WHERE expires_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT IGNORE INTO revoked_token (jti, expires_at) VALUES (?, ?)", ps -> {
            ps.setString(1, jti);
            ps.setTimestamp(2, Timestamp.from(expires));
            return ps.executeUpdate();
        });
    }
}
