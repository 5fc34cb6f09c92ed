package jp.kakehashi.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Request and response bodies of the account endpoints. */
public final class UserCommands {
    private UserCommands() {
    }

    @Serdeable
    public record CreateUserCommand(@Nullable String username, @Nullable String password, @Nullable String displayName,
                             @Nullable List<String> roles, @Nullable List<String> offices) {
    }

    @Serdeable
    public record UpdateUserCommand(@Nullable String displayName, @Nullable List<String> roles,
                                    @Nullable List<String> offices) {
    }

    @Serdeable
    public record ChangePasswordCommand(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    @Serdeable
    public record ResetPasswordCommand(@Nullable String password) {
    }

    @Serdeable
    public record UserView(long id, String username, String displayName, Set<User.Role> roles, Set<String> offices,
                    boolean active, @Nullable Instant createdAt) {
    }
}
