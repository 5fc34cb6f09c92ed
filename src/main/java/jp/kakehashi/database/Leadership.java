package jp.kakehashi.database;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance runs each periodic task: the one holding its lease row ({@code leader_lease}). A
 * lease is taken when it has run out and renewed by its holder each time the task comes round, so
 * with a term of two intervals the holder runs the task once per interval and, should it die,
 * another instance takes over within two. The take-or-renew is one conditional upsert on the
 * database's clock; on Galera two nodes racing for it end with one certification failure (error
 * 1213), which here means "not this time". A stopping instance gives its leases up.
 */
@Singleton
public class Leadership {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
    private static final TransactionDefinition OWN = TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final String me;
    private volatile MeterRegistry registry;

    @Inject
    Leadership(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this(jdbc, tx, host() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID());
    }

    Leadership(JdbcOperations jdbc, TransactionOperations<Connection> tx, String me) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.me = me;
    }

    /**
     * Counts the rounds this instance leads, per task ({@code kakehashi_leader_rounds_total{task}}):
     * summed over the instances it is one per interval, which is how a cluster shows that each
     * periodic task ran once, not once per instance.
     */
    @Inject
    void countRoundsIn(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Whether this instance leads {@code task} now, holding it for {@code term} from now. */
    public boolean lead(String task, Duration term) {
        try {
            boolean leads = tx.execute(OWN, status -> {
                // holder first: expires_at then sees the holder this statement leaves (MariaDB assigns left to right)
                jdbc.prepareStatement("INSERT INTO leader_lease (name, holder, expires_at)"
                        + " VALUES (?, ?, NOW(6) + INTERVAL ? MICROSECOND) ON DUPLICATE KEY UPDATE"
                        + " holder = IF(holder = VALUES(holder) OR expires_at < NOW(6), VALUES(holder), holder),"
                        + " expires_at = IF(holder = VALUES(holder), VALUES(expires_at), expires_at)", ps -> {
                    ps.setString(1, task);
                    ps.setString(2, me);
                    ps.setLong(3, term.toNanos() / 1_000);
                    return ps.executeUpdate();
                });
                return jdbc.prepareStatement("SELECT holder FROM leader_lease WHERE name = ?", ps -> {
                    ps.setString(1, task);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() && me.equals(rs.getString(1));
                    }
                });
            });
            if (leads) {
                countRound(task);
            }
            return leads;
        } catch (RuntimeException e) {
            // a racing node won (1213 on Galera), or the database is away: the next round asks again
            LOG.debug("Lease {} not taken: {}", task, e.toString());
            return false;
        }
    }

    private void countRound(String task) {
        MeterRegistry r = registry;
        if (r != null) {
            r.counter("kakehashi.leader.rounds", "task", task).increment();
        }
    }

    /** Gives up every lease of this instance, so another takes over at its next round, not a term later. */
    @PreDestroy
    public void resign() {
        try {
            tx.execute(OWN, status -> jdbc.prepareStatement("DELETE FROM leader_lease WHERE holder = ?", ps -> {
                ps.setString(1, me);
                return ps.executeUpdate();
            }));
        } catch (RuntimeException e) {
            // the leases run out by themselves
            LOG.debug("Leases not given up: {}", e.toString());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}
