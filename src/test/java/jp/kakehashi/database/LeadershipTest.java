package jp.kakehashi.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.kakehashi.support.Await;
import jp.kakehashi.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** Leases for periodic tasks on the real MariaDB: one holder at a time, taken over once run out. */
@MicronautTest(transactional = false)
class LeadershipTest extends ServiceTest {
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;

    private Leadership instance(String name) {
        return new Leadership(jdbc, tx, name);
    }

    /**
     * On the database's clock, which is the one the lease runs on: the term is long enough that no
     * stall of a loaded machine ends it by itself, and "it runs out" is its end moved to the past.
     * (Sleeps against a 600 ms term asserted the same only while the machine kept pace.)
     */
    @Test
    void theHolderKeepsItsLeaseByRenewingItAndAnotherTakesItOnlyOnceItRunsOut() {
        Leadership a = instance("a");
        Leadership b = instance("b");
        Duration term = Duration.ofMinutes(10);
        assertTrue(a.lead("sweep", term));
        Instant first = expiry("sweep");
        assertFalse(b.lead("sweep", term), "held by a");
        assertEquals(first, expiry("sweep"), "a refused taker does not move the term");
        assertTrue(a.lead("sweep", term), "renewed");
        Instant renewed = expiry("sweep");
        assertTrue(renewed.isAfter(first), "for a term from the renewal: " + first + " then " + renewed);
        runOut("sweep");
        assertTrue(b.lead("sweep", term), "b takes the lease once it has run out");
        assertFalse(a.lead("sweep", term), "a lost it");
        assertTrue(a.lead("another task", term), "leases are per task");
    }

    @Test
    void aLeaseNobodyRenewsRunsOutByItself() throws Exception {
        Leadership a = instance("short");
        Leadership b = instance("waiting");
        assertTrue(a.lead("tick", Duration.ofMillis(200)));
        Await.until("b to take the lease a let run out", Duration.ofSeconds(10),
                () -> b.lead("tick", Duration.ofMinutes(1)));
        assertFalse(a.lead("tick", Duration.ofMillis(200)));
    }

    private Instant expiry(String task) {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT expires_at FROM leader_lease WHERE name = ?",
                ps -> {
                    ps.setString(1, task);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next(), task);
                        return rs.getTimestamp(1).toInstant();
                    }
                }));
    }

    private void runOut(String task) {
        tx.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE leader_lease SET expires_at = NOW(6) - INTERVAL 1 SECOND WHERE name = ?", ps -> {
                    ps.setString(1, task);
                    return ps.executeUpdate();
                }));
    }

    @Test
    void aStoppingInstanceGivesItsLeasesUpAtOnce() {
        Leadership a = instance("stopping");
        Leadership b = instance("next");
        assertTrue(a.lead("prune", Duration.ofHours(1)));
        assertFalse(b.lead("prune", Duration.ofHours(1)));
        a.resign();
        assertTrue(b.lead("prune", Duration.ofHours(1)), "not an hour later");
    }

    @Test
    void instancesRacingForAFreeLeaseElectExactlyOne() throws Exception {
        for (int round = 0; round < 20; round++) {
            String task = "race-" + round;
            CyclicBarrier start = new CyclicBarrier(8);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> won = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Leadership l = instance("racer-" + i);
                    Callable<Boolean> race = () -> {
                        start.await();
                        return l.lead(task, Duration.ofMinutes(1));
                    };
                    won.add(pool.submit(race));
                }
                int leaders = 0;
                for (Future<Boolean> f : won) {
                    leaders += f.get() ? 1 : 0;
                }
                assertEquals(1, leaders, task);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
