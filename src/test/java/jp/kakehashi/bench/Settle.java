package jp.kakehashi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.kakehashi.support.Db;

/**
 * Waits until what an import set in motion is done, so a measurement that follows it measures its own
 * work: MariaDB writing out the pages the import left dirty, the service merging the segments it
 * wrote. Each wait is bounded and returns the seconds it took, which the harness reports.
 */
public final class Settle {
    /** A benchmark's bound: past it something else keeps the machine busy, and the figures say so. */
    public static final Duration BENCH = Duration.ofMinutes(3);
    /** Clock ticks per second of /proc's utime/stime (USER_HZ; 100 on Linux). */
    private static final double TICKS = 100;

    private Settle() {
    }

    /**
     * Has MariaDB flush every dirty page of its buffer pool now (max dirty pages 0 until none is
     * left), then puts its setting back.
     */
    public static double mariaDb(Db db, Duration bound) throws InterruptedException {
        long start = System.nanoTime();
        System.gc();
        long pct = db.count("SELECT @@GLOBAL.innodb_max_dirty_pages_pct");
        db.update("SET GLOBAL innodb_max_dirty_pages_pct = 0");
        try {
            while (db.count("SELECT CAST(VARIABLE_VALUE AS UNSIGNED) FROM information_schema.GLOBAL_STATUS"
                    + " WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY'") > 0
                    && System.nanoTime() - start < bound.toNanos()) {
                Thread.sleep(500);
            }
        } finally {
            db.update("SET GLOBAL innodb_max_dirty_pages_pct = " + pct);
        }
        return seconds(start);
    }

    /**
     * Waits until the process used less than {@code share} of one core over two seconds in a row
     * (its background merges and compilation done).
     */
    public static double quiet(long pid, double share, Duration bound) throws IOException, InterruptedException {
        long start = System.nanoTime();
        double before = cpuSeconds(pid);
        while (System.nanoTime() - start < bound.toNanos()) {
            Thread.sleep(2_000);
            double now = cpuSeconds(pid);
            if (now - before < share * 2) {
                break;
            }
            before = now;
        }
        return seconds(start);
    }

    /** utime + stime of a process, from /proc/<pid>/stat (fields 14 and 15, after the command's parentheses). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
    }
}
