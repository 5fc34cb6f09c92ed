package jp.kakehashi.bench;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.support.ChildJvm;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.LoopbackPorts;
import jp.kakehashi.support.Staffing;

/**
 * The service in its own JVM, as an operator runs it (same classes and dependencies, its own heap),
 * so start-up time and resident memory are the process's own and the load generator is outside it.
 */
public final class ServiceProcess implements AutoCloseable {
    /** As the Dockerfile and {@code mn:run} start it: Lucene's vectorised postings decoding on. */
    static final String VECTOR = "--add-modules=jdk.incubator.vector";
    private final Process process;
    private final Http http;
    private final long readyMillis;

    private ServiceProcess(Process process, Http http, long readyMillis) {
        this.process = process;
        this.http = http;
        this.readyMillis = readyMillis;
    }

    /** Starts the service on {@code dataDir}, with an external database when {@code jdbcUrl} is set. */
    public static ServiceProcess start(Path dataDir, String jdbcUrl, String heap, Path log)
            throws IOException, InterruptedException {
        return start(dataDir, jdbcUrl, heap, log, null);
    }

    /**
     * The same from the packaged jar, as operators run it, with application class-data sharing as
     * the Dockerfile sets it up: the first start writes the archive on exit, later starts map the
     * classes instead of loading and verifying them. (CDS cannot archive from class directories,
     * hence the jar.)
     */
    public static ServiceProcess start(Path dataDir, String jdbcUrl, String heap, Path log, Path jar)
            throws IOException, InterruptedException {
        return start(dataDir, jdbcUrl, heap, log, jar, List.of());
    }

    /** The same with {@code options} for the JVM (system properties: {@code -Dkakehashi.token-secret=…}). */
    public static ServiceProcess start(Path dataDir, String jdbcUrl, String heap, Path log, Path jar,
                                       List<String> options) throws IOException, InterruptedException {
        return start(dataDir, jdbcUrl, heap, log, jar, options, null);
    }

    /** The same on the runtime at {@code java} (a {@code bin/java}; null: the tests' own). */
    public static ServiceProcess start(Path dataDir, String jdbcUrl, String heap, Path log, Path jar,
                                       List<String> options, Path java) throws IOException, InterruptedException {
        return start(LoopbackPorts.free(), dataDir, jdbcUrl, heap, log, jar, options, java);
    }

    /**
     * The same on {@code port}: a killed instance started again where a balancer in front of it
     * still looks for it, as a service manager restarts one.
     */
    public static ServiceProcess startOn(int port, Path dataDir, String jdbcUrl, String heap, Path log, Path jar,
                                         List<String> options) throws IOException, InterruptedException {
        return start(port, dataDir, jdbcUrl, heap, log, jar, options, null);
    }

    private static ServiceProcess start(int port, Path dataDir, String jdbcUrl, String heap, Path log, Path jar,
                                        List<String> options, Path java) throws IOException, InterruptedException {
        String command = java != null ? java.toString() : ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(command, "-Xmx" + heap, "-XX:+UseG1GC", VECTOR));
        if (jar != null) {
            cmd.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + dataDir.resolve("kakehashi.jsa")));
        }
        cmd.addAll(ChildJvm.options());
        cmd.addAll(extraOptions());
        cmd.addAll(options);
        cmd.addAll(List.of("-Dkakehashi.data-dir=" + dataDir, "-Dmicronaut.server.port=" + port,
                "-Dkakehashi.admin-password=" + Staffing.ADMIN_PASSWORD));
        cmd.addAll(jar != null ? List.of("-jar", jar.toString())
                : List.of("-cp", System.getProperty("java.class.path"), "jp.kakehashi.Application"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (jdbcUrl != null) {
            pb.environment().putAll(Map.of("DATASOURCES_DEFAULT_URL", jdbcUrl, "DATASOURCES_DEFAULT_USERNAME", "root"));
        }
        Files.createDirectories(dataDir);
        Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"), JsonMapper.createDefault());
        long start = System.nanoTime();
        Process p = pb.start();
        long deadline = start + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (ready(http)) {
                return new ServiceProcess(p, http, (System.nanoTime() - start) / 1_000_000);
            }
            Thread.sleep(10);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the service did not become ready; see " + log);
    }

    /** The jar {@code ./mvnw package} made of this build (the default one, with the embedded MariaDB). */
    public static Path packagedJar() throws IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("kakehashi-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in target/: run through ./mvnw verify"))
                    .toAbsolutePath();
        }
    }

    /** JVM options to try on the service ({@code -Dbench.serviceJvm="-XX:… -D…"}, space-separated), for A/B runs. */
    public static List<String> extraOptions() {
        String options = System.getProperty("bench.serviceJvm", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private static boolean ready(Http http) {
        try {
            return http.get("/health").status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    public Http http() {
        return http;
    }

    /** kill -9: no shutdown runs, and the requests it was answering die with it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    /** Milliseconds from starting the JVM to the first 200 from {@code /health}. */
    public long readyMillis() {
        return readyMillis;
    }

    /** Resident set size of the service's JVM, from {@code /proc}. */
    public long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /**
     * A graceful stop (SIGTERM), as a service manager would do it; whatever the service started
     * (its embedded MariaDB) and left behind is killed too, so the next start finds its files free.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                try {
                    child.onExit().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // gone or stuck: the next start's stale-server check deals with it
                }
            }
        }
    }
}
