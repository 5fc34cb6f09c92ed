package jp.kakehashi.index;

import org.slf4j.Logger;

/**
 * Logs a background loop that keeps failing (an indexer polling a database that is away) by its
 * changes of state: one line when it pauses, one when it resumes, not one per failed tick, which
 * filled the log with hundreds of identical lines during an outage.
 */
public final class PauseLog {
    private final Logger log;
    private final String what;
    private long pausedAt;
    private int failures;

    public PauseLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    public synchronized void failed(Exception e) {
        failures++;
        if (pausedAt == 0) {
            pausedAt = System.nanoTime();
            log.warn("{} paused: {} (retrying; logged again when it resumes)", what, e.toString());
        }
    }

    public synchronized void succeeded() {
        if (pausedAt != 0) {
            log.info("{} resumed after {} s and {} failed tries", what, (System.nanoTime() - pausedAt) / 1_000_000_000L,
                    failures);
            pausedAt = 0;
            failures = 0;
        }
    }
}
