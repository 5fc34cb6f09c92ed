package jp.kakehashi.database;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a database outage by its changes of state instead of once per failed request (a 19-minute
 * outage wrote 1,228 WARN lines): one line when requests start failing, one every minute it lasts
 * (with how many requests were answered 503), one when a probe finds it back. While it is down a
 * probe asks MariaDB every 2 s; otherwise nothing runs.
 */
@Singleton
final class DatabaseOutages {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutages.class);
    private static final long PROBE_MS = 2_000;
    private static final long REMIND_NS = 60_000_000_000L;

    private final DataSource dataSource;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean closed;

    DatabaseOutages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A request was answered 503 because the database did not answer. */
    void failed(String cause) {
        refused.incrementAndGet();
        if (down.compareAndSet(false, true)) {
            LOG.warn("Database unavailable ({}); answering 503 until it is back", cause);
            Thread.ofVirtual().name("database-outage-probe").start(this::probe);
        }
    }

    private void probe() {
        long since = System.nanoTime();
        long reminded = since;
        while (!closed) {
            try {
                Thread.sleep(PROBE_MS);
            } catch (InterruptedException e) {
                return;
            }
            if (answers()) {
                LOG.info("Database is back after {} s; {} requests were answered 503 meanwhile",
                        (System.nanoTime() - since) / 1_000_000_000L, refused.getAndSet(0));
                down.set(false);
                return;
            }
            if (System.nanoTime() - reminded > REMIND_NS) {
                reminded = System.nanoTime();
                LOG.warn("Database still unavailable after {} s; {} requests answered 503 so far",
                        (reminded - since) / 1_000_000_000L, refused.get());
            }
        }
    }

    private boolean answers() {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        closed = true;
    }
}
