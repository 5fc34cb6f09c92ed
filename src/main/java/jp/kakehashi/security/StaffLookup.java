package jp.kakehashi.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Turns a verified token into the user as MariaDB knows them now. Roles and offices are read per
 * request, not trusted from the token, so a changed membership takes effect at once; the token's
 * epoch must still match, which is how deactivation and password changes revoke tokens, and its id
 * must not have signed out ({@link SignOuts}).
 */
@Singleton
public class StaffLookup {
    static final String USER_ID = "uid";
    static final String EPOCH = "epoch";
    /** Request attribute: the user and offices {@link TokenRevocation} read for this request's token. */
    static final String VERIFIED_USER = "kakehashi.verifiedUser";
    private final UserRepository users;
    private final Memberships memberships;

    StaffLookup(UserRepository users, Memberships memberships) {
        this.users = users;
        this.memberships = memberships;
    }

    /**
     * Empty for anonymous callers; a revoked or malformed token is refused with 401. The user and
     * offices the token check read for this request are used again rather than read twice.
     */
    @Connectable
    public Optional<Staff> of(@Nullable Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        return Optional.of(verified(authentication).staff());
    }

    /** Whether the caller is a current staff member: search only needs to know which view to use. */
    @Connectable
    public boolean isStaff(@Nullable Authentication authentication) {
        if (authentication == null) {
            return false;
        }
        verified(authentication);
        return true;
    }

    private Verified verified(Authentication authentication) {
        return ServerRequestContext.currentRequest()
                .flatMap(r -> r.getAttribute(VERIFIED_USER, Verified.class))
                .filter(v -> matches(v.user(), authentication))
                .or(() -> current(authentication)).orElseThrow(StaffLookup::revoked);
    }

    /** An active account by name, as staff (for assigning work to someone). */
    @Transactional(readOnly = true)
    public Optional<Staff> active(String username) {
        return users.findByUsername(username).filter(User::active)
                .map(u -> new Verified(u, memberships.of(u.id())).staff());
    }

    public Staff require(@Nullable Authentication authentication) {
        return of(authentication).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "Sign in first"));
    }

    /** The token epoch the verified token carries; only called after {@link #require}. */
    static long epoch(@Nullable Authentication authentication) {
        if (authentication != null && authentication.getAttributes().get(EPOCH) instanceof Number epoch) {
            return epoch.longValue();
        }
        throw revoked();
    }

    /**
     * The token's user with their offices, in one statement on a connection (not a transaction: a
     * read-only transaction costs four more round trips, autocommit off, commit, autocommit on).
     */
    @Connectable
    Optional<Verified> current(Authentication authentication) {
        if (!(authentication.getAttributes().get(USER_ID) instanceof Number id)
                || !(authentication.getAttributes().get(EPOCH) instanceof Number)
                || !(authentication.getAttributes().get(TokenClaims.JTI) instanceof String jti)) {
            return Optional.empty();
        }
        return memberships.notSignedOut(id.longValue(), jti).filter(v -> matches(v.user(), authentication));
    }

    private static boolean matches(User u, Authentication authentication) {
        return authentication.getAttributes().get(USER_ID) instanceof Number id
                && authentication.getAttributes().get(EPOCH) instanceof Number epoch
                && u.id() == id.longValue() && u.active() && u.tokenEpoch() == epoch.longValue()
                && u.username().equals(authentication.getName());
    }

    static Set<User.Role> roles(String csv) {
        Set<User.Role> roles = EnumSet.noneOf(User.Role.class);
        Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(User.Role::valueOf)
                .forEach(roles::add);
        return roles;
    }

    private static ApiException revoked() {
        return new ApiException(ErrorCode.UNAUTHORIZED, "The token has been revoked");
    }
}
