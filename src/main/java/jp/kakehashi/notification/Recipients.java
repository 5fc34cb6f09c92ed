package jp.kakehashi.notification;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.database.Rows;

/** Who is told of what concerns an office: its active people, as plain SQL over the memberships. */
@Singleton
class Recipients {
    private final JdbcOperations jdbc;

    Recipients(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Translators and editors of the offices that have items in the bulletin. */
    List<Long> ofBulletin(long bulletinId) {
        return ids("SELECT DISTINCT u.id FROM app_user u JOIN user_office o ON o.user_id = u.id"
                + " WHERE u.active AND (FIND_IN_SET('TRANSLATOR', u.roles) > 0 OR FIND_IN_SET('EDITOR', u.roles) > 0)"
                + " AND o.office_code IN (SELECT office_code FROM doc_pair WHERE bulletin_id = ?) ORDER BY u.id", bulletinId);
    }

    List<Long> editorsOf(String office) {
        return ids("SELECT u.id FROM app_user u JOIN user_office o ON o.user_id = u.id"
                + " WHERE u.active AND FIND_IN_SET('EDITOR', u.roles) > 0 AND o.office_code = ? ORDER BY u.id", office);
    }

    boolean active(long userId) {
        return !ids("SELECT id FROM app_user WHERE id = ? AND active", userId).isEmpty();
    }

    private List<Long> ids(String sql, Object arg) {
        List<Long> out = new ArrayList<>();
        Rows.each(jdbc, sql, List.of(arg), rs -> out.add(rs.getLong(1)));
        return out;
    }
}
