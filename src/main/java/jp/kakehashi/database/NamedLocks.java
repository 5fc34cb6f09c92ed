package jp.kakehashi.database;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.ResultSet;

/**
 * MariaDB's named locks, for scheduled jobs that one instance runs at a time. A named lock belongs
 * to the connection, so a job takes and frees it on its transaction's own connection. Lock names
 * are server-wide, so each is qualified by the database: two services on one server with databases
 * of their own (staging beside production, the test suite's classes) do not hold each other's.
 */
public final class NamedLocks {
    private NamedLocks() {
    }

    /** Takes the lock without waiting; false when another connection holds it. */
    public static boolean tryTake(JdbcOperations jdbc, String name) {
        return query(jdbc, "SELECT GET_LOCK(CONCAT(DATABASE(), '/', ?), 0)", name);
    }

    public static void release(JdbcOperations jdbc, String name) {
        query(jdbc, "SELECT RELEASE_LOCK(CONCAT(DATABASE(), '/', ?))", name);
    }

    private static boolean query(JdbcOperations jdbc, String sql, String name) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        });
    }
}
