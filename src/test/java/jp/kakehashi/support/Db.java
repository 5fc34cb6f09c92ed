package jp.kakehashi.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Direct SQL against the service's MariaDB for assertions and fault set-up. Uses the pool
 * underneath Micronaut's transaction-aware proxy, with autocommit, so every read sees what the
 * server committed (a test-wide transaction would read one stale snapshot).
 */
public final class Db {
    private final DataSource raw;

    public Db(DataSource dataSource) {
        this.raw = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** The database at a JDBC URL of the shared server ({@link SharedMariaDb#freshDatabase}), as root. */
    public static Db at(String jdbcUrl) {
        try {
            org.mariadb.jdbc.MariaDbDataSource ds = new org.mariadb.jdbc.MariaDbDataSource(jdbcUrl);
            ds.setUser("root");
            return new Db(ds);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Object... params) {
        return rows(sql, params).stream().map(r -> r[0] == null ? null : r[0].toString()).toList();
    }

    public long count(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        return rows.isEmpty() || rows.getFirst()[0] == null ? 0 : ((Number) rows.getFirst()[0]).longValue();
    }

    public List<Object[]> rows(String sql, Object... params) {
        try (Connection c = raw.getConnection(); PreparedStatement ps = prepare(c, sql, params);
             ResultSet rs = ps.executeQuery()) {
            List<Object[]> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = raw.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            c.setAutoCommit(true);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        c.setAutoCommit(true);
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
