package jp.kakehashi.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code POST /api/v1/auth/login} → a bearer token (see {@link Logins}). */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginController {
    private final Logins logins;
    private final ClientAddresses addresses;

    LoginController(Logins logins, ClientAddresses addresses) {
        this.logins = logins;
        this.addresses = addresses;
    }

    @Serdeable
    record LoginCommand(@Nullable String username, @Nullable String password) {
    }

    @Serdeable
    record TokenView(String access_token, String token_type, int expires_in, String username, List<String> roles) {
    }

    @Post("/login")
    TokenView login(@Body LoginCommand command, HttpRequest<?> request) {
        Logins.SignedIn in = logins.signIn(command.username(), command.password(),
                addresses.of(request));
        return new TokenView(in.token(), "Bearer", Logins.EXPIRES_IN, in.username(), in.roles());
    }
}
