package jp.kakehashi.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.kakehashi.support.ServiceTest;
import org.junit.jupiter.api.Test;

/**
 * Commit order on the real MariaDB, against writers whose transactions commit out of id order and
 * sometimes roll back, with several sequencers racing (the service's own follower among them): a
 * follower that reads in seq order and passes nothing it has not seen ends with every committed row
 * exactly once, and never meets a gap.
 */
@MicronautTest(transactional = false)
class CommitOrderTest extends ServiceTest {
    private static final int WRITERS = 4;
    private static final int TRANSACTIONS = 40;
    @Inject
    CommitOrder order;
    @Property(name = "datasources.default.url")
    String url;

    @Test
    void aFollowerInSeqOrderSeesEveryCommittedRowOnceWhateverOrderTheyCommitIn() throws Exception {
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        List<Long> followed = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        long start;
        order.assign("outbox_event");
        try (Connection c = connect()) {
            start = head(c);
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 3);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                long seed = w;
                writers.add(pool.submit(() -> write(new SplittableRandom(seed), seed, committed)));
            }
            List<Future<?>> sequencers = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                sequencers.add(pool.submit(() -> {
                    while (writing.get()) {
                        order.assign("outbox_event");
                    }
                    return null;
                }));
            }
            Future<long[]> follower = pool.submit(() -> follow(start, writing, followed));
            for (Future<?> f : writers) {
                f.get();
            }
            writing.set(false);
            for (Future<?> f : sequencers) {
                f.get();
            }
            long[] gapsAndEnd = follower.get();
            assertEquals(0, gapsAndEnd[0], "a follower never sees a seq before the ones below it");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(committed.size(), followed.size(), "each committed row once");
        assertEquals(committed, Set.copyOf(followed));
        try (Connection c = connect(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT seq), MAX(seq) - MIN(seq) + 1,"
                     + " SUM(seq IS NULL) FROM outbox_event WHERE seq > " + start + " OR seq IS NULL")) {
            rs.next();
            assertEquals(rs.getLong(1), rs.getLong(2), "no seq given twice");
            assertEquals(rs.getLong(1), rs.getLong(3), "seqs are dense");
            assertEquals(0, rs.getLong(4), "every committed row numbered");
        }
    }

    /** Transactions of one to three rows, held open for up to 40 ms, one in ten rolled back. */
    private Void write(SplittableRandom random, long writer, Set<Long> committed) throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_event (aggregate_type, aggregate_id,"
                    + " kind, created_at) VALUES ('pair', ?, 'order-test', UTC_TIMESTAMP(6))")) {
                for (int t = 0; t < TRANSACTIONS; t++) {
                    List<Long> rows = new ArrayList<>();
                    for (int r = random.nextInt(1, 4); r > 0; r--) {
                        long marker = -(writer * 1_000_000 + t * 10L + r);
                        insert.setLong(1, marker);
                        insert.executeUpdate();
                        rows.add(marker);
                    }
                    Thread.sleep(random.nextInt(40));
                    if (random.nextInt(10) == 0) {
                        c.rollback();
                    } else {
                        c.commit();
                        committed.addAll(rows);
                    }
                }
            }
        }
        return null;
    }

    /** Reads after the cursor in seq order, advancing only through consecutive seqs; the gaps it met. */
    private long[] follow(long from, AtomicBoolean writing, List<Long> followed) throws Exception {
        long cursor = from;
        long gaps = 0;
        try (Connection c = connect(); PreparedStatement read = c.prepareStatement("SELECT seq, aggregate_id, kind"
                + " FROM outbox_event WHERE seq > ? ORDER BY seq LIMIT 100")) {
            boolean last = false;
            while (true) {
                boolean draining = !writing.get();
                if (draining) {
                    order.assign("outbox_event");
                }
                read.setLong(1, cursor);
                int n = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(1) != cursor + 1) {
                            gaps++;
                            break;
                        }
                        cursor = rs.getLong(1);
                        if (rs.getString(3).equals("order-test")) {
                            followed.add(rs.getLong(2));
                        }
                        n++;
                    }
                }
                if (draining && n == 0) {
                    if (last) {
                        break;
                    }
                    last = true; // one more round after the last numbering
                }
            }
            assertTrue(cursor >= head(c), "the follower reached the last seq");
        }
        return new long[] {gaps, cursor};
    }

    private static long head(Connection c) throws Exception {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url, "root", "");
    }
}
