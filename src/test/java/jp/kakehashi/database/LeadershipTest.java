package jp.kakehashi.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Test
    void theHolderKeepsItsLeaseByRenewingItAndAnotherTakesItOnlyOnceItRunsOut() throws Exception {
        Leadership a = instance("a");
        Leadership b = instance("b");
        Duration term = Duration.ofMillis(600);
        assertTrue(a.lead("sweep", term));
        assertFalse(b.lead("sweep", term), "held by a");
        Thread.sleep(300);
        assertTrue(a.lead("sweep", term), "renewed for another term");
        Thread.sleep(400);
        assertFalse(b.lead("sweep", term), "the renewal still runs: 700 ms after the first of 600");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!b.lead("sweep", term)) {
            assertTrue(System.nanoTime() < deadline, "b takes the lease once a stops renewing it");
            Thread.sleep(50);
        }
        assertFalse(a.lead("sweep", term), "a lost it");
        assertTrue(a.lead("another task", term), "leases are per task");
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
