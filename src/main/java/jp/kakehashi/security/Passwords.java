package jp.kakehashi.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.audit.AuditEvent;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * A user changing their own password, an admin resetting one. Both end the user's sessions (the
 * token epoch) and are audited. Argon2 (~50 ms of CPU) runs outside the transaction so that it
 * never holds a pooled connection.
 */
@Singleton
public class Passwords {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditRepository audit;
    private final TransactionOperations<Connection> tx;
    private final LoginThrottle throttle;

    Passwords(UserRepository users, PasswordHasher hasher, AuditRepository audit, TransactionOperations<Connection> tx,
              LoginThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * Guesses of the current password count against the same per-account limit as sign-ins (and
     * the address's): a stolen token must not be an unthrottled oracle for the password behind it.
     * {@code tokenEpoch} is the epoch the caller's token carries. The row is read once, and a row
     * whose epoch has moved on means another change (or a deactivation) ended this session after
     * the request was let in: that is a revoked token, not a wrong guess, so it is neither checked
     * against the new hash nor counted as a failure.
     */
    public void change(Staff self, long tokenEpoch, String current, String next, String address) {
        User user = users.findById(self.id()).filter(u -> u.tokenEpoch() == tokenEpoch)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "The token has been revoked"));
        throttle.reserve(self.username(), address);
        if (current == null || current.length() > PasswordRules.MAX_LENGTH
                || !hasher.matches(current, user.passwordHash())) {
            throttle.failed(address);
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "The current password is wrong");
        }
        throttle.succeeded(self.username());
        set(user.id(), next, self.actor(), user.passwordHash());
    }

    public void reset(long userId, String next, Actor by) {
        set(userId, next, by, null);
    }

    /**
     * {@code verifiedHash}: the hash the current password was checked against, outside the
     * transaction; if another change landed since, the password this request proved is no longer
     * the current one, and the change is refused rather than overwriting the other. Two changes in
     * the same instant are kept apart by the row's version (the loser gets 409 too).
     */
    private void set(long userId, String next, Actor by, @Nullable String verifiedHash) {
        User before = users.findById(userId).orElseThrow(() -> ApiException.notFound("User " + userId));
        PasswordRules.check(next, before.username());
        String hash = hasher.hash(next);
        tx.executeWrite(status -> {
            User u = users.findById(userId).orElseThrow(() -> ApiException.notFound("User " + userId));
            if (verifiedHash != null && !verifiedHash.equals(u.passwordHash())) {
                throw new ApiException(ErrorCode.CONFLICT, "The password was changed meanwhile; nothing was written");
            }
            users.update(new User(u.id(), u.username(), u.displayName(), hash, u.roles(), u.active(),
                    u.tokenEpoch() + 1, u.createdAt(), u.version()));
            audit.save(AuditEvent.account(by, "user.password", u.username()));
            return null;
        });
    }
}
