package jp.kakehashi.security;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Signing in, for the API and the pages alike. Unknown user, wrong password and deactivated
 * account get the same 401 after the same Argon2 work, so neither the answer nor its timing tells
 * them apart; failures are throttled per account and per address.
 */
@Singleton
public class Logins {
    public static final int EXPIRES_IN = 3600;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TokenGenerator tokens;
    private final String decoyHash;

    Logins(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, TokenGenerator tokens) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
        this.decoyHash = hasher.hash("decoy password for unknown users");
    }

    public record SignedIn(String token, String username, List<String> roles) {
    }

    public SignedIn signIn(String rawUsername, String rawPassword, String address) {
        String username = rawUsername == null ? "" : rawUsername.strip();
        String password = rawPassword == null ? "" : rawPassword;
        if (username.length() > 64 || password.length() > PasswordRules.MAX_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Unknown user or wrong password");
        }
        throttle.reserve(username, address);
        User user = users.findByUsername(username).orElse(null);
        boolean ok = hasher.matches(password, user == null ? decoyHash : user.passwordHash())
                && user != null && user.active();
        if (!ok) {
            jp.kakehashi.audit.AuditLog.event("sign_in_failed", username, address);
            throttle.failed(address);
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Unknown user or wrong password");
        }
        throttle.succeeded(username);
        jp.kakehashi.audit.AuditLog.event("sign_in", username, address);
        List<String> roles = StaffLookup.roles(user.roles()).stream().map(Enum::name).toList();
        Authentication authentication = Authentication.build(user.username(), roles,
                Map.of(StaffLookup.USER_ID, user.id(), StaffLookup.EPOCH, user.tokenEpoch()));
        String token = tokens.generateToken(authentication, EXPIRES_IN)
                .orElseThrow(() -> new IllegalStateException("No token generator configured"));
        return new SignedIn(token, user.username(), roles);
    }
}
