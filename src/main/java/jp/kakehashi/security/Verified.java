package jp.kakehashi.security;

import java.util.Set;

/** A signed-in user as MariaDB knows them now, with their offices: what every staff request reads. */
record Verified(User user, Set<String> offices) {
    Staff staff() {
        return new Staff(user.id(), user.username(), user.displayName(), StaffLookup.roles(user.roles()), offices);
    }
}
