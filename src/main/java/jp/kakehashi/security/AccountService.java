package jp.kakehashi.security;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.audit.AuditEvent;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.security.UserCommands.CreateUserCommand;
import jp.kakehashi.security.UserCommands.UserView;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Accounts: create, change roles and offices, deactivate (passwords: {@link Passwords}). Each is
 * one transaction with its audit event; anything that should end existing sessions bumps the
 * user's token epoch. No change leaves the service without an active administrator
 * ({@link AdminQuorum}).
 */
@Singleton
public class AccountService {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private final UserRepository users;
    private final Memberships memberships;
    private final PasswordHasher hasher;
    private final KnownOffices offices;
    private final AuditRepository audit;
    private final ApplicationEventPublisher<UserDeactivated> deactivations;
    private final TransactionOperations<Connection> tx;
    private final AdminQuorum quorum;

    AccountService(UserRepository users, Memberships memberships, PasswordHasher hasher, KnownOffices offices,
                   AuditRepository audit, ApplicationEventPublisher<UserDeactivated> deactivations,
                   TransactionOperations<Connection> tx, AdminQuorum quorum) {
        this.tx = tx;
        this.quorum = quorum;
        this.users = users;
        this.memberships = memberships;
        this.hasher = hasher;
        this.offices = offices;
        this.audit = audit;
        this.deactivations = deactivations;
    }

    /** Validates and hashes outside the transaction: Argon2 takes ~50 ms of CPU and must not hold a pooled connection. */
    public UserView create(CreateUserCommand c, Actor by) {
        String username = c.username() == null ? "" : c.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw invalid("username", "3–64 of a-z 0-9 . _ -, starting with a letter or digit");
        }
        String displayName = c.displayName() == null || c.displayName().isBlank() ? username : c.displayName().strip();
        if (displayName.length() > 200) {
            throw new ApiException(ErrorCode.FIELD_TOO_LONG, "displayName is longer than 200")
                    .with("field", "displayName").with("limit", 200);
        }
        Set<User.Role> roles = roles(c.roles());
        Set<String> officeCodes = offices(c.offices());
        PasswordRules.check(c.password(), username);
        String hash = hasher.hash(c.password());
        return tx.executeWrite(status -> {
            if (users.findByUsername(username).isPresent()) {
                throw new ApiException(ErrorCode.USERNAME_TAKEN, "Username " + username + " is taken");
            }
            User user = users.save(new User(null, username, displayName, hash,
                    String.join(",", roles.stream().map(Enum::name).toList()), true, 0, null, null));
            memberships.add(user.id(), officeCodes);
            record(by, "user.create", username);
            return view(user);
        });
    }

    /**
     * New roles and offices (and display name). Bumps the token epoch: tokens carry roles for
     * {@code @Secured}, so the user signs in again and gets a token that matches.
     */
    @Transactional
    public UserView update(long userId, UserCommands.UpdateUserCommand c, Actor by) {
        User u = users.findById(userId).orElseThrow(() -> ApiException.notFound("User " + userId));
        Set<User.Role> roles = roles(c.roles());
        Set<String> officeCodes = offices(c.offices());
        String displayName = c.displayName() == null || c.displayName().isBlank() ? u.displayName()
                : c.displayName().strip();
        if (displayName.length() > 200) {
            throw new ApiException(ErrorCode.FIELD_TOO_LONG, "displayName is longer than 200")
                    .with("field", "displayName").with("limit", 200);
        }
        quorum.keepAnotherAdminBeside(u, roles, u.active());
        User saved = users.update(new User(u.id(), u.username(), displayName, u.passwordHash(),
                String.join(",", roles.stream().map(Enum::name).toList()), u.active(), u.tokenEpoch() + 1,
                u.createdAt(), u.version()));
        memberships.replace(userId, officeCodes);
        record(by, "user.update", u.username());
        return view(saved);
    }

    @Transactional
    public UserView deactivate(long userId, Actor by) {
        User u = users.findById(userId).orElseThrow(() -> ApiException.notFound("User " + userId));
        if (!u.active()) {
            return view(u); // already done: a repeated click or a retried request records nothing again
        }
        quorum.keepAnotherAdminBeside(u, Set.of(), false);
        User saved = users.update(new User(u.id(), u.username(), u.displayName(), u.passwordHash(), u.roles(), false,
                u.tokenEpoch() + 1, u.createdAt(), u.version()));
        record(by, "user.deactivate", u.username());
        deactivations.publishEvent(new UserDeactivated(userId, by));
        return view(saved);
    }

    @Transactional(readOnly = true)
    public List<UserView> all() {
        return users.findAll().stream().map(this::view).toList();
    }

    UserView view(User u) {
        return new UserView(u.id(), u.username(), u.displayName(), StaffLookup.roles(u.roles()),
                memberships.of(u.id()), u.active(), u.createdAt());
    }

    private void record(Actor by, String action, String username) {
        audit.save(AuditEvent.account(by, action, username));
        jp.kakehashi.audit.AuditLog.event(action, by.name(), username);
    }

    private static Set<User.Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw invalid("roles", "at least one of TRANSLATOR, EDITOR, ADMIN");
        }
        Set<User.Role> roles = EnumSet.noneOf(User.Role.class);
        for (String name : names) {
            try {
                roles.add(User.Role.valueOf(String.valueOf(name)));
            } catch (IllegalArgumentException e) {
                throw invalid("roles", "unknown role; use TRANSLATOR, EDITOR or ADMIN");
            }
        }
        return roles;
    }

    private Set<String> offices(List<String> codes) {
        Set<String> result = new TreeSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            if (code == null || !offices.exists(code)) {
                throw new ApiException(ErrorCode.UNKNOWN_OFFICE, "Unknown office code").with("field", "offices");
            }
            result.add(code);
        }
        return result;
    }

    private static ApiException invalid(String field, String rule) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, field + ": " + rule).with("field", field);
    }
}
