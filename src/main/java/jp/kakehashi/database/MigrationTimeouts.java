package jp.kakehashi.database;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Schema migrations run without the pool's statement timeout (the driver's socketTimeout, a few
 * seconds so that requests fail fast when MariaDB stops answering): an index built on a large table
 * may rightly take minutes, and a start-up that failed half-way through a migration would be worse
 * than a slow one. The pool restores each connection's timeout when Flyway gives it back.
 */
@Singleton
@Named("default")
final class MigrationTimeouts implements FlywayConfigurationCustomizer {
    @Override
    public String getName() {
        return "default";
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.dataSource(new Unbounded(configuration.getDataSource()));
    }

    private record Unbounded(DataSource pool) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return unbounded(pool.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return unbounded(pool.getConnection(username, password));
        }

        private static Connection unbounded(Connection c) throws SQLException {
            c.setNetworkTimeout(Runnable::run, 0);
            return c;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || pool.isWrapperFor(type);
        }
    }
}
