package jp.kakehashi.support;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import jp.kakehashi.database.EmbeddedMariaDb;

/**
 * One embedded MariaDB per test JVM, started on first use and left running until the JVM exits.
 * Each service test gets a database of its own on it, so test classes run side by side without
 * seeing each other's rows, and no class pays for unpacking and starting a server.
 */
public final class SharedMariaDb {
    private static final Path DIR = Path.of("target", "test-data",
            "shared-" + System.getProperty("kakehashi.test.fork", "1"));

    private SharedMariaDb() {
    }

    /** A JDBC URL of a new, empty database {@code name} (dropped first if an earlier run left it). */
    public static synchronized String freshDatabase(String name) {
        if (!name.matches("[a-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        String url = EmbeddedMariaDb.forDataDir(DIR).start();
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        try (var c = DriverManager.getConnection(server, "root", ""); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server + name;
    }
}
