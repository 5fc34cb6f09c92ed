package jp.kakehashi.database;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** A read-only statement's rows, one at a time, for the reports that aggregate in SQL (office status, gauges). */
public final class Rows {
    private Rows() {
    }

    public interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with {@code params} bound in order and hands each row to {@code row}. */
    public static void each(JdbcOperations jdbc, String sql, List<?> params, Row row) {
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
            return null;
        });
    }
}
