package jp.kakehashi.index;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kakehashi.database.DatabaseExceptions;

/**
 * Gives committed rows of a followed table their place ({@code seq}) in the order they became
 * visible. Writers insert rows without one; every follower, before it reads, sequences what it finds
 * committed and unsequenced, so no instance has to lead and none waits for another. Why this is
 * right (the argument is in docs/design/consistency.md):
 * <ul>
 * <li>A sequencer holds the table's {@code commit_sequence} row while it numbers, so numberings
 *     follow one another: each starts after the last one committed and sees every row committed
 *     before it took the row. Seqs are dense and become visible in order; a follower that read
 *     through seq n has seen every row numbered up to n, whatever the ids.</li>
 * <li>The rows to number are found by a plain read at READ COMMITTED, so a transaction still open
 *     is neither seen nor waited for; it is numbered after it commits, above every seq a follower
 *     may have passed. Numbering updates those rows by primary key only, never by a range scan that
 *     would wait on (or gap-lock) rows being inserted.</li>
 * <li>On Galera two nodes numbering at once both read the sequence row; the one certified second
 *     fails with a deadlock error (1213) and numbers nothing: the next follower tick retries.</li>
 * </ul>
 */
@Singleton
public class CommitOrder {
    /** Rows numbered per transaction: a large import's rows are numbered a batch at a time. */
    static final int BATCH = 5_000;
    private static final Set<String> TABLES = Set.of("outbox_event", "tm_unit");
    private static final TransactionDefinition OWN = readCommitted();
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final ConnectionOperations<Connection> connections;

    CommitOrder(JdbcOperations jdbc, TransactionOperations<Connection> tx,
                ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.connections = connections;
    }

    /** Numbers every committed, unnumbered row of {@code table}; how many it numbered. */
    public long assign(String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("not a followed table: " + table);
        }
        // Most polls find nothing to number: that look needs a connection, not a transaction (whose
        // isolation level, autocommit and commit are five round trips where one will do). After it,
        // each batch reads what waits under the sequence row's lock; one that finds nothing numbers nothing.
        if (!connections.executeRead(status -> waiting(table))) {
            return 0;
        }
        long total = 0;
        int n;
        do {
            try {
                n = tx.execute(OWN, status -> batch(table));
            } catch (RuntimeException e) {
                if (DatabaseExceptions.isDeadlock(e)) {
                    return total; // another sequencer won this round
                }
                throw e;
            }
            total += n;
        } while (n == BATCH);
        return total;
    }

    /** A cheap look (the seq key holds the unnumbered rows first) before any lock is taken. */
    private boolean waiting(String table) {
        return jdbc.prepareStatement("SELECT 1 FROM " + table + " WHERE seq IS NULL LIMIT 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    private int batch(String table) {
        long last = jdbc.prepareStatement("SELECT last_seq FROM commit_sequence WHERE name = ? FOR UPDATE", ps -> {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("commit_sequence has no row for " + table);
                }
                return rs.getLong(1);
            }
        });
        List<Long> ids = new ArrayList<>();
        jdbc.prepareStatement("SELECT id FROM " + table + " WHERE seq IS NULL ORDER BY id LIMIT " + BATCH, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return null;
        });
        if (ids.isEmpty()) {
            return 0;
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        // one statement per batch: the variable counts on in id order (MariaDB assigns row by row)
        int numbered = jdbc.prepareStatement("UPDATE " + table + " SET seq = (@kakehashi_seq := @kakehashi_seq + 1)"
                + " WHERE id IN (" + in + ") AND seq IS NULL ORDER BY id", ps -> {
            try (var set = ps.getConnection().prepareStatement("SET @kakehashi_seq = ?")) {
                set.setLong(1, last);
                set.execute();
            }
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE commit_sequence SET last_seq = ? WHERE name = ?", ps -> {
            ps.setLong(1, last + numbered);
            ps.setString(2, table);
            return ps.executeUpdate();
        });
        return ids.size();
    }

    private static TransactionDefinition readCommitted() {
        DefaultTransactionDefinition d = new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRES_NEW);
        d.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        d.setName("commit-order");
        return d;
    }
}
