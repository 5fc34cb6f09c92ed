package jp.kakehashi.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * {@code POST /api/v1/auth/login}. Unknown user, wrong password and deactivated account get the
 * same 401 after the same Argon2 work, so neither the answer nor its timing tells them apart.
 */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginController {
    private static final int EXPIRES_IN = 3600;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TokenGenerator tokens;
    private final HttpClientAddressResolver addresses;
    private final String decoyHash;

    LoginController(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, TokenGenerator tokens,
                    HttpClientAddressResolver addresses) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
        this.addresses = addresses;
        this.decoyHash = hasher.hash("decoy password for unknown users");
    }

    @Serdeable
    record LoginCommand(@Nullable String username, @Nullable String password) {
    }

    @Serdeable
    record TokenView(String access_token, String token_type, int expires_in, String username, List<String> roles) {
    }

    @Post("/login")
    TokenView login(@Body LoginCommand command, HttpRequest<?> request) {
        String username = command.username() == null ? "" : command.username().strip();
        String password = command.password() == null ? "" : command.password();
        if (username.length() > 64 || password.length() > PasswordRules.MAX_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Unknown user or wrong password");
        }
        String address = String.valueOf(addresses.resolve(request));
        throttle.check(username, address);
        User user = users.findByUsername(username).orElse(null);
        boolean ok = hasher.matches(password, user == null ? decoyHash : user.passwordHash())
                && user != null && user.active();
        if (!ok) {
            throttle.failed(username, address);
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Unknown user or wrong password");
        }
        throttle.succeeded(username);
        List<String> roles = StaffLookup.roles(user.roles()).stream().map(Enum::name).toList();
        Authentication authentication = Authentication.build(user.username(), roles,
                Map.of(StaffLookup.USER_ID, user.id(), StaffLookup.EPOCH, user.tokenEpoch()));
        String token = tokens.generateToken(authentication, EXPIRES_IN)
                .orElseThrow(() -> new IllegalStateException("No token generator configured"));
        return new TokenView(token, "Bearer", EXPIRES_IN, user.username(), roles);
    }
}
