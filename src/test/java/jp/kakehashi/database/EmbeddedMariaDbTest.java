package jp.kakehashi.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The embedded server as the service starts it, checked from a client's side. */
class EmbeddedMariaDbTest {
    /**
     * Without TLS only because nothing but this host can reach it: the two settings go together, and
     * a server that made a certificate at every start spent most of its start doing so.
     */
    @Test
    void theEmbeddedServerListensOnLoopbackOnlyAndWithoutTls() throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.forDataDir(Path.of("target/test-data/embedded-" + System.nanoTime()));
        try (var c = DriverManager.getConnection(db.start(), "root", "");
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT @@bind_address, @@have_ssl, @@character_set_server, @@innodb_flush_log_at_trx_commit")) {
            r.next();
            assertEquals("127.0.0.1", r.getString(1));
            assertEquals("DISABLED", r.getString(2));
            assertEquals("utf8mb4", r.getString(3));
            assertEquals(1, r.getInt(4));
        } finally {
            db.close();
        }
    }
}
