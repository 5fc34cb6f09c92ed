package jp.kakehashi.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.bench.ServiceProcess;
import jp.kakehashi.support.Await;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Galera;
import jp.kakehashi.support.HaProxy;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.Test;

/**
 * Three service instances, each with its own index, on a three-node MariaDB Galera cluster, behind
 * HAProxy; an office's work runs through the balancer while one instance and then one database node
 * are killed with SIGKILL and brought back. What must hold: no request fails outside the faults, no
 * pair is claimed twice, nothing acknowledged is lost, every instance's search catches up with the
 * database, and each periodic task runs once per interval across the cluster. The figures are
 * written to {@code target/cluster-figures.txt} (docs/performance.md quotes a run).
 */
@Slow
class GaleraClusterTest {
    private static final String DB = "kakehashi";
    private static final Duration SWEEP = Duration.ofSeconds(1);
    private final StringBuilder figures = new StringBuilder();

    @Test
    void theServiceKeepsItsInvariantsWhileAnInstanceAndADatabaseNodeAreKilled() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "test-data", "galera-" + System.nanoTime()).toAbsolutePath());
        Path log = dir.resolve("services.log");
        List<String> options = List.of("-Dkakehashi.token-secret=a-token-secret-the-instances-share-0123456789",
                "-Dkakehashi.lease.sweep-interval=" + SWEEP.toMillis() + "ms");
        List<ServiceProcess> instances = new ArrayList<>();
        try (Galera galera = Galera.start(dir.resolve("db"), 3)) {
            galera.createDatabase(DB);
            for (int i = 0; i < 3; i++) {
                instances.add(start(galera, dir, i, log, options));
            }
            try (HaProxy balancer = HaProxy.start(dir, instances.stream().map(s -> s.http().base()).toList())) {
                Http front = new Http(balancer.uri(), JsonMapper.createDefault());
                await("the balancer sends requests on", () -> front.get("/health/readiness").status() == 200);
                run(galera, instances, front, dir, log, options);
                racingClaims(instances, new Staffing(front));
                throughput(dir, instances);
                startFromCopy(galera, instances, new Staffing(front), dir, log, options);
            }
        } finally {
            for (ServiceProcess s : instances) {
                if (s != null) {
                    s.close();
                }
            }
            Files.writeString(Path.of("target", "cluster-figures.txt"), figures);
            System.out.println(figures);
        }
    }

    private void run(Galera galera, List<ServiceProcess> instances, Http front, Path dir, Path log, List<String> options)
            throws Exception {
        Staffing staffing = new Staffing(front);
        Person editor = staffing.editor("PAR");
        List<Person> translators = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            translators.add(staffing.translator("PAR"));
        }
        List<Long> pairs = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            pairs.addAll(Fixtures.bulletin(editor.http(), "PAR", 80, false).pairIds());
        }
        Map<String, Double> roundsBefore = rounds(staffing, instances);
        long roundsFrom = System.nanoTime();

        ClusterLoad load = new ClusterLoad();
        load.phase("1 steady");
        load.start(front.anonymous(), translators, editor, pairs);
        Thread.sleep(4_000);
        load.phase("2 instance killed");
        instances.get(1).kill();
        Thread.sleep(5_000);
        load.phase("3 instance restarting");
        instances.set(1, ServiceProcess.startOn(instances.get(1).http().base().getPort(), dir.resolve("instance1"),
                galera.url(1, DB), "320m", log, ServiceProcess.packagedJar(), options));
        Thread.sleep(2_000);
        load.phase("4 db node killed");
        galera.kill(2);
        Thread.sleep(5_000);
        load.phase("5 db node rejoining");
        galera.restart(2);
        Thread.sleep(2_000);
        load.phase("6 steady again");
        Thread.sleep(3_000);
        load.stop();
        long lastWrite = System.nanoTime();

        figures.append("Requests through HAProxy per phase (ok / refused 4xx / failed):\n");
        load.counts().forEach((phase, c) -> figures.append("  ").append(phase).append(": ").append(c[0]).append(" / ")
                .append(c[1]).append(" / ").append(c[2]).append('\n'));
        figures.append("Failures: ").append(load.failures.stream().limit(20).toList()).append('\n');
        figures.append("Refused: ").append(new java.util.TreeMap<>(load.refusals)).append('\n');

        // started again where it was, the instance is taken back by the balancer and given work
        double writes = metricSum(instances.get(1).http().as(staffing.admin().token()).get("/api/v1/metrics").body(),
                "http_server_requests_seconds_count{", "method=\"POST\"");
        figures.append(String.format("Writes (POST) the restarted instance answered through the balancer: %.0f%n", writes));
        assertTrue(writes > 0, "the balancer sent the restarted instance no writes");
        caughtUp(staffing, instances, lastWrite);
        double roundsSeconds = (System.nanoTime() - roundsFrom) / 1e9;
        Map<String, Double> roundsAfter = rounds(staffing, instances);
        checkWrites(galera, load, staffing.admin(), instances);
        double sweeps = roundsAfter.getOrDefault("kakehashi.lease-expiry", 0.0)
                - roundsBefore.getOrDefault("kakehashi.lease-expiry", 0.0);
        figures.append(String.format("Claim-expiry sweeps led over %.1f s at one per %d ms: %.0f, on all instances"
                + " together (one instance's counts start again when it is killed)%n", roundsSeconds, SWEEP.toMillis(), sweeps));

        // at most the requests in flight when the fault struck: one per client thread
        assertEquals(0, load.failed("1 steady"), load.failures.toString());
        assertTrue(load.failed("2 instance killed") <= ClusterLoad.THREADS, load.failures.toString());
        assertTrue(load.failed("4 db node killed") <= 2 * ClusterLoad.THREADS, load.failures.toString());
        assertEquals(0, load.failed("6 steady again"), load.failures.toString());
        // a translator alone on a pair reads its ETag after its own save, through any instance and node
        assertEquals(0, load.refusals.getOrDefault("412 PRECONDITION_FAILED", 0L), "stale reads: " + load.refusals);
        double intervals = roundsSeconds / (SWEEP.toMillis() / 1000.0);
        assertTrue(sweeps <= intervals + 2, "no sweep ran twice in an interval: " + sweeps + " in " + intervals);
        assertTrue(sweeps >= intervals / 2, "the sweeps went on through the faults: " + sweeps + " in " + intervals);
    }

    /** No pair claimed twice, every acknowledged draft and approval in the database, on every node. */
    private void checkWrites(Galera galera, ClusterLoad load, Http admin, List<ServiceProcess> instances) throws SQLException {
        long doubles = load.claims.values().stream().filter(c -> c.size() > 1).count();
        figures.append("Pairs claimed: ").append(load.claims.size()).append(", claimed twice: ").append(doubles)
                .append("; drafts acknowledged for ").append(load.drafts.size()).append(" pairs, approvals ")
                .append(load.approved.size()).append('\n');
        assertEquals(0, doubles, "double claims");
        assertTrue(load.claims.size() > 20 && load.approved.size() > 10, "the load did work: " + figures);
        for (int node = 0; node < 3; node++) {
            try (Connection c = galera.connect(node); var s = c.createStatement()) {
                s.execute("USE " + DB);
                try (ResultSet rs = s.executeQuery("SELECT pair_id, COUNT(*) FROM audit_event WHERE action = 'claim'"
                        + " GROUP BY pair_id HAVING COUNT(*) > 1")) {
                    assertTrue(!rs.next(), "node " + node + ": a pair with two claims in the audit");
                }
                Map<Long, String> bodies = new java.util.HashMap<>();
                Map<Long, String> states = new java.util.HashMap<>();
                try (ResultSet rs = s.executeQuery("SELECT p.id, p.status, r.body FROM doc_pair p LEFT JOIN target_revision r"
                        + " ON r.pair_id = p.id AND r.revision = p.target_revision")) {
                    while (rs.next()) {
                        states.put(rs.getLong(1), rs.getString(2));
                        bodies.put(rs.getLong(1), rs.getString(3));
                    }
                }
                for (var d : load.drafts.entrySet()) {
                    String body = bodies.get(d.getKey());
                    Set<String> mayFollow = load.uncertain.getOrDefault(d.getKey(), Set.of());
                    assertTrue(body != null && (body.contains(d.getValue() + " ")
                            || mayFollow.stream().anyMatch(t -> body.contains(t + " "))), "node " + node + ": pair "
                            + d.getKey() + " lost its acknowledged draft " + d.getValue() + " (or a later one of unknown"
                            + " outcome, " + mayFollow + "): " + body);
                }
                for (long pair : load.approved.keySet()) {
                    assertEquals("APPROVED", states.get(pair), "node " + node + ": acknowledged approval of " + pair);
                }
            }
        }
        // each instance finds the last draft of every pair through its own index (its pair reads may
        // have gone to another node than its outbox reads: CausalReadsTest)
        for (ServiceProcess instance : instances) {
            Http http = instance.http().as(admin.token());
            var certain = load.drafts.entrySet().stream().filter(d -> !load.uncertain.containsKey(d.getKey())).toList();
            for (var d : certain) {
                String body = http.get("/api/v1/search?q=" + URLEncoder.encode(d.getValue(), StandardCharsets.UTF_8)).body();
                assertTrue(body.contains("\"pairId\":" + d.getKey() + ","),
                        instance.http().base() + " finds " + d.getValue() + ": " + body);
            }
        }
    }

    /** Every instance's search index has applied the whole outbox: how long after the last write. */
    private void caughtUp(Staffing staffing, List<ServiceProcess> instances, long lastWrite) throws Exception {
        Http admin = staffing.admin();
        for (ServiceProcess instance : instances) {
            Http http = instance.http().as(admin.token());
            await("the search index of " + http.base() + " catches up", () ->
                    metric(http.get("/api/v1/metrics").body(), "kakehashi_outbox_lag_rows{indexer=\"search\"}") == 0);
            figures.append(String.format("Search index of %s equal to the outbox %.2f s after the last write%n",
                    http.base(), (System.nanoTime() - lastWrite) / 1e9));
        }
    }

    private static Map<String, Double> rounds(Staffing staffing, List<ServiceProcess> instances) {
        Map<String, Double> sum = new java.util.HashMap<>();
        for (ServiceProcess instance : instances) {
            String scrape = instance.http().as(staffing.admin().token()).get("/api/v1/metrics").body();
            scrape.lines().filter(l -> l.startsWith("kakehashi_leader_rounds_total{")).forEach(l -> {
                String task = l.substring(l.indexOf("task=\"") + 6, l.indexOf('"', l.indexOf("task=\"") + 6));
                sum.merge(task, sample(l), Double::sum);
            });
        }
        return sum;
    }

    /**
     * Search throughput through HAProxy with one, two and three instances behind it: readers on 8
     * threads for 4 s each. The cores are shared by everything here, so the ratio is the figure.
     */
    private void throughput(Path dir, List<ServiceProcess> instances) throws Exception {
        figures.append("Reader searches through HAProxy in 4 s on 8 threads:");
        for (int n = 1; n <= instances.size(); n++) {
            List<URI> behind = instances.subList(0, n).stream().map(s -> s.http().base()).toList();
            try (HaProxy one = HaProxy.start(dir, behind)) {
                Http http = new Http(one.uri(), JsonMapper.createDefault());
                await("the balancer answers", () -> http.get("/health/readiness").status() == 200);
                long done = readers(http.anonymous(), 8, Duration.ofSeconds(4));
                figures.append(' ').append(n).append(" instance(s): ").append(done).append(';');
            }
        }
        figures.append('\n');
    }

    /**
     * The same pair claimed at the same moment on each instance, each on its own Galera node: the
     * nodes accept all three locally, certification lets one commit, and the others are run again
     * and find the pair claimed. Exactly one claim per pair, every other answer a 409.
     */
    private void racingClaims(List<ServiceProcess> instances, Staffing staffing) throws Exception {
        Person editor = staffing.editor("PAR");
        List<Long> pairs = Fixtures.bulletin(editor.http(), "PAR", 20, false).pairIds();
        List<Http> racers = new ArrayList<>();
        for (ServiceProcess instance : instances) {
            racers.add(instance.http().as(staffing.translator("PAR").token()));
        }
        Map<Integer, Integer> answers = new java.util.TreeMap<>();
        var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        for (long pair : pairs) {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers.size());
            List<java.util.concurrent.CompletableFuture<Integer>> claims = racers.stream().map(h ->
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return h.postJson("/api/v1/pairs/" + pair + "/claim", Map.of()).status();
                    }, pool)).toList();
            List<Integer> statuses = claims.stream().map(java.util.concurrent.CompletableFuture::join).toList();
            statuses.forEach(st -> answers.merge(st, 1, Integer::sum));
            assertEquals(1, statuses.stream().filter(st -> st == 200).count(), "pair " + pair + ": " + statuses);
            assertTrue(statuses.stream().allMatch(st -> st == 200 || st == 409), "pair " + pair + ": " + statuses);
        }
        pool.close();
        double retried = instances.stream().mapToDouble(i -> metric(i.http().as(staffing.admin().token())
                .get("/api/v1/metrics").body(), "kakehashi_write_retries_total")).sum();
        figures.append("The same pair claimed at once on the three instances, 20 pairs: answers ").append(answers)
                .append(String.format(", writes run again after a certification failure: %.0f%n", retried));
    }

    /**
     * A new instance started from a copy of another's data directory (taken while that one was
     * stopped) opens the copied indexes at their committed seq and replays the outbox from there: no
     * rebuild job, and what was written after the copy is found.
     */
    private void startFromCopy(Galera galera, List<ServiceProcess> instances, Staffing staffing, Path dir, Path log,
                               List<String> options) throws Exception {
        Http admin = staffing.admin();
        long rebuilds = rebuildJobs(admin);
        instances.get(2).close(); // a clean stop commits its indexes
        Path from = dir.resolve("instance2");
        Path copy = dir.resolve("instance3");
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        String token = "zqcopy" + System.nanoTime();
        long pair = Fixtures.bulletin(staffing.editor("PAR").http(), "PAR", 1, false).pairIds().getFirst();
        Http translator = staffing.translator("PAR").http();
        assertEquals(200, translator.postJson("/api/v1/pairs/" + pair + "/claim", Map.of()).status());
        Http.Response saved = translator.write("PUT", "/api/v1/pairs/" + pair + "/target",
                Map.of("title", "Item " + token, "body", "Draft " + token + " of the visit."), Fixtures.etag(translator, pair));
        assertEquals(200, saved.status(), saved.body());
        long start = System.nanoTime();
        ServiceProcess fourth = ServiceProcess.start(copy, galera.url(2, DB), "320m", log, ServiceProcess.packagedJar(),
                options);
        instances.set(2, fourth);
        Http http = fourth.http().as(admin.token());
        await("the copy catches up", () -> metric(http.get("/api/v1/metrics").body(),
                "kakehashi_outbox_lag_rows{indexer=\"search\"}") == 0);
        assertTrue(http.get("/api/v1/search?q=" + token).body().contains("\"pairId\":" + pair + ","),
                "a write made after the copy is found through it");
        assertEquals(rebuilds, rebuildJobs(admin), "no index was rebuilt");
        figures.append(String.format("An instance started from a copy of a stopped one's data directory: ready and"
                + " caught up in %.1f s, no rebuild%n", (System.nanoTime() - start) / 1e9));
    }

    private static long rebuildJobs(Http admin) {
        return admin.get("/api/v1/jobs?limit=100").list().stream()
                .filter(j -> String.valueOf(j.get("kind")).endsWith("_REBUILD")).count();
    }

    /** Searches answered 200 by {@code threads} readers asking one after another for {@code time}. */
    private static long readers(Http http, int threads, Duration time) throws InterruptedException {
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        long end = System.nanoTime() + time.toNanos();
        List<Thread> readers = new ArrayList<>();
        String[] words = {"白河", "visit", "パリ", "Paris", "職員"};
        for (int t = 0; t < threads; t++) {
            int first = t;
            readers.add(Thread.ofPlatform().start(() -> {
                for (int i = first; System.nanoTime() < end; i++) {
                    String q = URLEncoder.encode(words[i % words.length], StandardCharsets.UTF_8);
                    if (http.get("/api/v1/search?q=" + q).status() == 200) {
                        done.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread r : readers) {
            r.join();
        }
        return done.get();
    }

    private static ServiceProcess start(Galera galera, Path dir, int i, Path log, List<String> options) throws Exception {
        return ServiceProcess.start(dir.resolve("instance" + i), galera.url(i, DB), "320m", log,
                ServiceProcess.packagedJar(), options);
    }

    /** The sum of the samples of {@code series} whose labels include {@code label}. */
    static double metricSum(String scrape, String series, String label) {
        return scrape.lines().filter(l -> l.startsWith(series) && l.contains(label))
                .mapToDouble(GaleraClusterTest::sample).sum();
    }

    static double metric(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(GaleraClusterTest::sample)
                .findFirst().orElse(-1);
    }

    /** The value of one line of a Prometheus scrape: what follows its last space. */
    private static double sample(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** {@link Await#until}, where a service that does not answer yet (an exception) is not there yet. */
    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Await.until(what, Duration.ofSeconds(60), () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException notYet) {
                return false;
            }
        });
    }
}
