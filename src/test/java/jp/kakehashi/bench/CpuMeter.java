package jp.kakehashi.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one benchmark leg cost besides its wall time: CPU seconds of this JVM and of the MariaDB it
 * started (its child process), and the seconds its collectors counted (G1's pauses). A leg slower
 * than its twin shows here whether the machine, MariaDB or the collector took the difference.
 */
public final class CpuMeter {
    private final Optional<ProcessHandle> mariaDb;
    private final double jvm;
    private final double db;
    private final long gcMillis;

    private CpuMeter() throws IOException {
        // this JVM's own MariaDB: a child, not the grandchild of a service another test runs beside;
        // a live one, since a MariaDB another test stopped can still be listed while it exits
        mariaDb = ProcessHandle.current().children()
                .filter(p -> p.isAlive() && p.info().commandLine().orElse("").contains("mariadbd")).findFirst();
        jvm = Settle.cpuSeconds(ProcessHandle.current().pid());
        db = mariaDb.isPresent() ? dbSeconds() : 0;
        gcMillis = gcMillis();
    }

    public static CpuMeter start() throws IOException {
        return new CpuMeter();
    }

    /** Seconds since {@link #start}: {@code jvm}, {@code mariaDb} (CPU) and {@code gc} (collector time). */
    public Map<String, Double> stop() throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("jvm", round(Settle.cpuSeconds(ProcessHandle.current().pid()) - jvm));
        // -1: no MariaDB child process (an external database), or it ended during the leg
        double now = mariaDb.isPresent() ? dbSeconds() : -1;
        m.put("mariaDb", now < 0 ? -1 : round(now - db));
        m.put("gc", round((gcMillis() - gcMillis) / 1e3));
        return m;
    }

    /** -1 once the process has ended: its /proc entry goes with it. */
    private double dbSeconds() throws IOException {
        try {
            return Settle.cpuSeconds(mariaDb.orElseThrow().pid());
        } catch (NoSuchFileException gone) {
            return -1;
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
