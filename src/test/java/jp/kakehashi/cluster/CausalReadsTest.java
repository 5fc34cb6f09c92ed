package jp.kakehashi.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.database.CausalReads;
import jp.kakehashi.support.Await;
import jp.kakehashi.support.Galera;
import jp.kakehashi.support.Slow;
import org.junit.jupiter.api.Test;

/**
 * A Galera node that has not applied a commit made on another node yet. With the server's
 * {@code wsrep_sync_wait} off, a plain read there answers the old row and the indexers' reads
 * ({@link CausalReads}) the committed one; with {@code docker/galera.cnf}'s default (1) a plain read
 * waits too. The node is held behind by {@code FLUSH TABLES WITH READ LOCK}, which on Galera pauses
 * its applying until the lock is let go.
 */
@Slow
class CausalReadsTest {
    private static final String ROW = "SELECT body FROM causal.pair_text WHERE id = 1";

    @Test
    void aReadOnANodeBehindTheClusterWaitsForWhatWasCommittedElsewhere() throws Exception {
        Path dir = Path.of("target", "test-data", "galera-causal-" + System.nanoTime());
        try (Galera galera = Galera.start(dir.resolve("db"), 2);
             Connection first = galera.connect(0); Statement onFirst = first.createStatement();
             Connection held = galera.connect(1); Statement holding = held.createStatement();
             Connection plain = syncWaitOff(galera.connect(1)); Connection causal = syncWaitOff(galera.connect(1));
             Connection configured = galera.connect(1); ExecutorService readers = Executors.newFixedThreadPool(2)) {
            onFirst.execute("CREATE DATABASE causal CHARACTER SET utf8mb4");
            onFirst.execute("CREATE TABLE causal.pair_text (id BIGINT PRIMARY KEY, body VARCHAR(100) NOT NULL)");
            onFirst.execute("INSERT INTO causal.pair_text VALUES (1, 'the draft before')");
            Await.until("the row reaches the second node", Duration.ofSeconds(30),
                    () -> "the draft before".equals(read(plain, ROW)));

            holding.execute("FLUSH TABLES WITH READ LOCK");
            onFirst.execute("UPDATE causal.pair_text SET body = 'the draft after' WHERE id = 1");
            assertEquals("the draft before", read(plain, ROW), "the second node is behind the first");

            // each on its own thread: the common pool may have one, and the first read blocks it
            CompletableFuture<String> asked =
                    CompletableFuture.supplyAsync(() -> read(causal, CausalReads.of(ROW)), readers);
            CompletableFuture<String> byDefault = CompletableFuture.supplyAsync(() -> read(configured, ROW), readers);
            Await.until("both reads wait on the second node", Duration.ofSeconds(20),
                    () -> asked.isDone() || byDefault.isDone() || running(plain) == 2);
            holding.execute("UNLOCK TABLES");
            assertEquals("the draft after", asked.get(30, TimeUnit.SECONDS), "CausalReads, the server's setting off");
            assertEquals("the draft after", byDefault.get(30, TimeUnit.SECONDS), "a plain read, galera.cnf's setting");
        }
    }

    private static Connection syncWaitOff(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION wsrep_sync_wait = 0");
        }
        return c;
    }

    /** How many of the reads are still running on the node (a read done at once has answered already). */
    private static int running(Connection c) {
        return Integer.parseInt(read(c, "SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                + " WHERE ID <> CONNECTION_ID() AND INFO LIKE '%FROM causal.pair_text%'"));
    }

    private static String read(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
