package jp.kakehashi.security;

import jakarta.inject.Singleton;
import java.util.Set;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * At least one active administrator always remains. Without one nobody can create accounts, change
 * roles or reset passwords, and the bootstrap {@code admin} is only created in an empty database:
 * deactivating the last admin (an admin deactivating themselves, say) locked everyone out until
 * someone edited MariaDB by hand. Called inside the change's transaction, before it writes.
 */
@Singleton
class AdminQuorum {
    private final UserRepository users;

    AdminQuorum(UserRepository users) {
        this.users = users;
    }

    /** Refuses with 409 when {@code user} is an active admin and no other active admin would be left. */
    void keepAnotherAdminBeside(User user, Set<User.Role> rolesAfter, boolean activeAfter) {
        boolean adminNow = user.active() && StaffLookup.roles(user.roles()).contains(User.Role.ADMIN);
        boolean adminAfter = activeAfter && rolesAfter.contains(User.Role.ADMIN);
        if (!adminNow || adminAfter) {
            return;
        }
        // A locking read sees the latest commit, not this transaction's snapshot.
        if (users.lockActiveAdmins().stream().noneMatch(other -> other.id() != user.id())) {
            throw new ApiException(ErrorCode.LAST_ADMIN, user.username()
                    + " is the last active administrator; make another account ADMIN first");
        }
    }
}
