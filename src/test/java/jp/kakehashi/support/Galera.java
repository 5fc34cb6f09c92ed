package jp.kakehashi.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A MariaDB Galera cluster on loopback ports, from Debian's {@code mariadb-server} and {@code galera-4}
 * (installed on first use, as Chromium is), set up as the compose profile's nodes ({@code
 * docker/galera.cnf}): each node its own data directory under {@code dir}, joined by rsync state
 * transfer. The servers run as the package's {@code mysql} user, so the test
 * JVM must be root (as CI is), which Debian's packages need anyway.
 */
public final class Galera implements AutoCloseable {
    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
    private final Path dir;
    private final List<Node> nodes = new ArrayList<>();

    /** One node: its client port and the ports the group, incremental and full state transfers use. */
    private record Node(Path home, int port, int group, int ist, int sst, Process[] process) {
    }

    private Galera(Path dir) {
        this.dir = dir;
    }

    /** Installs the packages if needed, bootstraps node 0 and joins the others; all synced on return. */
    public static Galera start(Path dir, int size) throws IOException, InterruptedException, SQLException {
        DebianPackages.ensure(List.of(MARIADBD, PROVIDER, Path.of("/usr/bin/rsync"), Path.of("/usr/bin/wsrep_sst_rsync")),
                "mariadb-server", "galera-4", "rsync");
        Galera g = new Galera(Files.createDirectories(dir.toAbsolutePath()));
        for (int i = 0; i < size; i++) {
            Path home = g.dir.resolve("node" + i);
            Files.createDirectories(home);
            g.nodes.add(new Node(home, LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free(),
                    new Process[1]));
            run(List.of("chown", "mysql:mysql", home.toString()));
            run(List.of("mariadb-install-db", "--no-defaults", "--user=mysql", "--datadir=" + home.resolve("data"),
                    "--auth-root-authentication-method=normal", "--skip-test-db"));
        }
        g.launch(0, true);
        g.awaitSynced(0);
        for (int i = 1; i < size; i++) {
            g.launch(i, false);
        }
        for (int i = 1; i < size; i++) {
            g.awaitSynced(i);
        }
        return g;
    }

    /**
     * A JDBC URL for the service: node {@code first}, then the others in order, Connector/J moving to
     * the next when one cannot be reached ({@code sequential}).
     */
    public String url(int first, String database) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            order.add(nodes.get((first + i) % nodes.size()).port());
        }
        return "jdbc:mariadb:sequential://" + order.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","))
                + "/" + database;
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection c = connect(0); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
    }

    /** kill -9: the node's server ends with no shutdown. */
    public void kill(int i) throws InterruptedException {
        Process p = nodes.get(i).process()[0];
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts a killed node again; it rejoins by incremental or full state transfer and is synced on return. */
    public void restart(int i) throws IOException, InterruptedException, SQLException {
        launch(i, false);
        awaitSynced(i);
    }

    public Connection connect(int i) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + nodes.get(i).port() + "/", "root", "");
    }

    private void launch(int i, boolean bootstrap) throws IOException {
        Node n = nodes.get(i);
        String group = nodes.stream().map(o -> "127.0.0.1:" + o.group()).collect(Collectors.joining(","));
        List<String> cmd = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults", "--user=mysql"));
        cmd.addAll(composeSettings());
        // this machine's paths and ports, and rsync for state transfers (the image's mariabackup
        // needs a password; here root has none): later options win
        cmd.addAll(List.of("--datadir=" + n.home().resolve("data"), "--port=" + n.port(), "--bind-address=127.0.0.1",
                "--socket=" + n.home().resolve("sock"), "--pid-file=" + n.home().resolve("pid"),
                "--log-error=" + n.home().resolve("error.log"), "--innodb-buffer-pool-size=128M",
                "--max-connections=300", "--wsrep-provider=" + PROVIDER, "--wsrep-cluster-address=gcomm://" + group,
                "--wsrep-node-name=node" + i, "--wsrep-node-address=127.0.0.1:" + n.group(),
                "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:" + n.group() + ";ist.recv_addr=127.0.0.1:"
                        + n.ist() + ";gcache.size=128M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S",
                "--wsrep-sst-method=rsync", "--wsrep-sst-receive-address=127.0.0.1:" + n.sst()));
        if (bootstrap) {
            cmd.add("--wsrep-new-cluster");
        }
        n.process()[0] = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(n.home().resolve("out.log").toFile())).start();
    }

    private void awaitSynced(int i) throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!nodes.get(i).process()[0].isAlive()) {
                throw new IllegalStateException("Galera node " + i + " ended; see " + nodes.get(i).home() + "\n" + errors(i));
            }
            try (Connection c = connect(i); var s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'wsrep_local_state_comment'")) {
                if (rs.next() && "Synced".equals(rs.getString(2))) {
                    return;
                }
            } catch (SQLException notYet) {
                last = notYet;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Galera node " + i + " not synced within 3 minutes\n" + errors(i), last);
    }

    /** The end of a node's error log, so that a CI run that keeps only the test output still says why. */
    private String errors(int i) {
        try {
            List<String> lines = Files.readAllLines(nodes.get(i).home().resolve("error.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(no error log: " + e + ")";
        }
    }

    /** The nodes' settings of the compose profile ({@code docker/galera.cnf}), as command-line options. */
    private static List<String> composeSettings() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docker", "galera.cnf"))) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("[") && l.contains("=")) {
                options.add("--" + l.substring(0, l.indexOf('=')).strip() + "=" + l.substring(l.indexOf('=') + 1).strip());
            }
        }
        return options;
    }

    @Override
    public void close() throws InterruptedException {
        for (Node n : nodes) {
            if (n.process()[0] != null) {
                n.process()[0].destroyForcibly();
                n.process()[0].waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/galera-setup.log"))).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see target/galera-setup.log");
        }
    }
}
