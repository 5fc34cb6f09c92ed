package jp.kakehashi.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import jp.kakehashi.support.Db;

/**
 * The limit for {@link WorkflowBench}: the same cycle as plain JDBC on the same MariaDB, no HTTP,
 * no JSON, no security, no rules. Each step is what the service's transaction does at its core —
 * read the row, UPDATE conditional on the version read and the expected state, insert the audit
 * event and the outbox row (and the target revision when saving), commit.
 */
public final class RawJdbcWorkflow {
    private RawJdbcWorkflow() {
    }

    public static Map<String, Object> run(DataSource ds, long userId, List<Long> pairs, int users, Duration duration) {
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(pairs);
        AtomicLong cycles = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        ServerCounters counters = ServerCounters.start(new Db(ds));
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try (var pool = Executors.newFixedThreadPool(users)) {
            for (int u = 0; u < users; u++) {
                pool.submit(() -> {
                    Long pair;
                    while (System.nanoTime() < deadline && (pair = queue.poll()) != null) {
                        try {
                            boolean ok = step(ds, pair, userId, "UNASSIGNED", "CLAIMED", "claim", false)
                                    && step(ds, pair, userId, "CLAIMED", "CLAIMED", "save", true)
                                    && step(ds, pair, userId, "CLAIMED", "SUBMITTED", "submit", false)
                                    && step(ds, pair, userId, "SUBMITTED", "APPROVED", "approve", false);
                            (ok ? cycles : lost).incrementAndGet();
                        } catch (SQLException e) {
                            lost.incrementAndGet();
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("users", users);
        r.put("cycles", cycles.get());
        r.put("cyclesPerSecond", Math.round(cycles.get() / seconds * 10) / 10.0);
        r.put("transitionsPerSecond", Math.round(cycles.get() * 4 / seconds * 10) / 10.0);
        r.put("failedCycles", lost.get());
        // a failed cycle's statements count too, over completed transitions only (none failed in run R)
        r.put("mariaDbStatementsPerTransition", counters.perTransition(cycles.get() * 4));
        return r;
    }

    private static boolean step(DataSource ds, long pair, long user, String from, String to, String action,
                                boolean save) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long version;
            int revision;
            try (PreparedStatement read = c.prepareStatement(
                    "SELECT version, target_revision, source_revision FROM doc_pair WHERE id = ?")) {
                read.setLong(1, pair);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    version = rs.getLong(1);
                    revision = rs.getInt(2) + (save ? 1 : 0);
                    if (save) {
                        insertRevision(c, pair, revision, rs.getInt(3), user);
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE doc_pair SET status = ?, assignee_id = ?,"
                    + " target_revision = ?, version = version + 1, updated_at = NOW(6)"
                    + " WHERE id = ? AND version = ? AND status = ?")) {
                update.setString(1, to);
                update.setLong(2, user);
                update.setInt(3, revision);
                update.setLong(4, pair);
                update.setLong(5, version);
                update.setString(6, from);
                if (update.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            try (PreparedStatement audit = c.prepareStatement("INSERT INTO audit_event (pair_id, actor_id, actor_name,"
                    + " action, from_status, to_status, created_at) VALUES (?, ?, 'bench', ?, ?, ?, NOW(6))");
                 PreparedStatement outbox = c.prepareStatement("INSERT INTO outbox_event (aggregate_type, aggregate_id,"
                         + " kind, created_at) VALUES ('pair', ?, ?, NOW(6))")) {
                audit.setLong(1, pair);
                audit.setLong(2, user);
                audit.setString(3, "raw_" + action);
                audit.setString(4, from);
                audit.setString(5, to);
                audit.executeUpdate();
                outbox.setLong(1, pair);
                outbox.setString(2, action);
                outbox.executeUpdate();
            }
            c.commit();
            return true;
        }
    }

    private static void insertRevision(Connection c, long pair, int revision, int sourceRevision, long user)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO target_revision (pair_id, revision, title,"
                + " body, based_on_source_revision, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, NOW(6))")) {
            insert.setLong(1, pair);
            insert.setInt(2, revision);
            insert.setString(3, "Visit " + pair);
            insert.setString(4, "Staff of Shirakawa City visited Paris (" + pair + ").");
            insert.setInt(5, sourceRevision);
            insert.setLong(6, user);
            insert.executeUpdate();
        }
    }
}
