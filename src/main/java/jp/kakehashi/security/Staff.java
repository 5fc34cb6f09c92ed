package jp.kakehashi.security;

import java.util.Set;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.security.User.Role;

/** A signed-in, active user as loaded from MariaDB for this request: roles and office memberships. */
@io.micronaut.serde.annotation.Serdeable
public record Staff(long id, String username, String displayName, Set<Role> roles, Set<String> offices) {
    /** Tokyo HQ: its editors act for every office (releases, withdrawals, glossary terms for all). */
    public static final String HQ = "TYO";

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean memberOf(String office) {
        return offices.contains(office);
    }

    public boolean editorOf(String office) {
        return has(Role.EDITOR) && memberOf(office);
    }

    public boolean hqEditor() {
        return editorOf(HQ);
    }

    /** Translators and editors do translation work; an admin alone is not an implicit translator. */
    public boolean worksOn(String office) {
        return (has(Role.TRANSLATOR) || has(Role.EDITOR)) && memberOf(office);
    }

    public boolean isStaff() {
        return !roles.isEmpty();
    }

    public Actor actor() {
        return new Actor(id, username);
    }
}
