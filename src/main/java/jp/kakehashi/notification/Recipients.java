package jp.kakehashi.notification;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

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

    /** The person's offices in code order; their first one's time zone is theirs. */
    List<String> officesOf(long userId) {
        return strings("SELECT office_code FROM user_office WHERE user_id = ? ORDER BY office_code", userId);
    }

    boolean active(long userId) {
        return !ids("SELECT id FROM app_user WHERE id = ? AND active", userId).isEmpty();
    }

    private List<Long> ids(String sql, Object arg) {
        return strings(sql, arg).stream().map(Long::valueOf).toList();
    }

    private List<String> strings(String sql, Object arg) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, arg);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
