package jp.kakehashi.pair;

import java.util.Set;
import jp.kakehashi.security.User.Role;

/**
 * Who acts, as far as the rules care: roles, whether they belong to the pair's office, and how
 * they relate to the pair (lease holder, last submitter). {@code system} is the scheduler or the
 * source-revision machinery.
 */
public record Subject(Set<Role> roles, boolean member, boolean holder, boolean lastSubmitter, boolean leaseActive,
                      boolean officeAllowsSelfApproval, boolean system, boolean hasReason) {

    public static Subject scheduler() {
        return new Subject(Set.of(), false, false, false, false, false, true, true);
    }

    boolean translator() {
        return member && (roles.contains(Role.TRANSLATOR) || roles.contains(Role.EDITOR));
    }

    boolean editor() {
        return member && roles.contains(Role.EDITOR);
    }
}
