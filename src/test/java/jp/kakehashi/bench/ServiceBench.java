package jp.kakehashi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.kakehashi.bulletin.CreateBulletinCommand;
import jp.kakehashi.database.EmbeddedMariaDb;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * The service as a process, measured from outside: start-up to ready (external and embedded
 * MariaDB), import of the corpus over HTTP until it is searchable, resident memory, HTTP search
 * load with wrk at fixed rates, and workflow cycles over HTTP at 16/64 users next to the raw JDBC
 * loop on the same database. Run:
 * {@code ./mvnw -q test -Dtest=ServiceBench -Dbench.pairs=100000 -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.seconds=} shortens each load phase, {@code -Dbench.rates=} and {@code -Dbench.users=} choose
 * the wrk rates and workflow levels); results in {@code target/bench/service-<pairs>.json}.
 * With {@code target/kakehashi-0.1.0-SNAPSHOT.jar} built ({@code ./mvnw -q package -DskipTests}) the
 * start-up is also measured from the jar with class-data sharing, as the Dockerfile runs it. {@code ServiceBenchSmokeTest} runs it tiny.
 */
// The suite runs test classes side by side (junit-platform.properties); two benchmarks at once
// would each time the other's load. The other classes of a bench run are disabled, so this is enough.
@ResourceLock(value = "benchmark", mode = ResourceAccessMode.READ_WRITE)
public class ServiceBench {
    /** {@code firstStarts}: also time the first start of each kind and the jar's; a smoke skips those. */
    public record Plan(int pairs, int[] rates, int wrkSeconds, int[] users, Duration workflow, int pairsPerOffice,
                       boolean firstStarts) {
    }

    @Test
    @EnabledIfSystemProperty(named = "bench.pairs", matches = "\\d+")
    void benchmark() throws Exception {
        FullJit.require();
        System.out.println(run(plan(Integer.parseInt(System.getProperty("bench.pairs")))));
    }

    /** The plan the system properties ask for: {@code -Dbench.seconds}, {@code -Dbench.rates}, {@code -Dbench.users}. */
    private static Plan plan(int pairs) {
        int seconds = Integer.getInteger("bench.seconds", 30);
        return new Plan(pairs, ints("bench.rates", "250,500,750,1000"), seconds, ints("bench.users", "16,64"),
                Duration.ofSeconds(seconds), 800, true);
    }

    public static Map<String, Object> run(Plan plan) throws Exception {
        Path work = Path.of("target", "bench-data", "service-" + plan.pairs() + "-" + System.nanoTime());
        Files.createDirectories(work);
        Path log = work.resolve("service.log");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", java.time.LocalDate.now().toString());
        r.put("machine", Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version());
        r.put("serviceHeap", "1g");
        EmbeddedMariaDb external = EmbeddedMariaDb.forDataDir(work.resolve("external"));
        String url = external.start();
        try (MariaDbPoolDataSource ds = new MariaDbPoolDataSource(url + "?user=root&maxPoolSize=20")) {
            if (plan.firstStarts()) {
                try (ServiceProcess first = ServiceProcess.start(work.resolve("svc"), url, "1g", log)) {
                    r.put("readyMsExternalFirstStart", first.readyMillis());
                }
            }
            Path jar = Path.of("target", "kakehashi-0.1.0-SNAPSHOT.jar");
            if (plan.firstStarts() && Files.exists(jar)) {
                for (String run : List.of("readyMsExternalJarFirstStart", "readyMsExternalJarCds")) {
                    try (ServiceProcess p = ServiceProcess.start(work.resolve("jar"), url, "1g", log, jar)) {
                        r.put(run, p.readyMillis());
                    }
                }
            }
            try (ServiceProcess svc = ServiceProcess.start(work.resolve("svc"), url, "1g", log)) {
                r.put("readyMsExternal", svc.readyMillis());
                Staffing staffing = new Staffing(svc.http());
                Staffing.Person editor = staffing.editor("TYO");
                List<CreateBulletinCommand> corpus = CorpusGenerator.bulletins(20261122L, plan.pairs());
                long start = System.nanoTime();
                for (CreateBulletinCommand b : corpus) {
                    Fixtures.created(editor.http().postJson("/api/v1/bulletins", b));
                }
                long imported = System.nanoTime();
                waitSearchable(editor.http(), plan.pairs());
                long searchable = System.nanoTime();
                r.put("httpImportPairsPerSecond", Math.round(plan.pairs() / ((imported - start) / 1e9)));
                r.put("httpImportUntilSearchablePairsPerSecond", Math.round(plan.pairs() / ((searchable - start) / 1e9)));
                r.put("residentMbAfterIndexing", svc.residentMegabytes());

                load(plan, svc, editor, ds, work, r);
                r.put("residentMbAfterRun", svc.residentMegabytes());
            }
        } finally {
            external.stop();
        }
        if (plan.firstStarts()) {
            try (ServiceProcess first = ServiceProcess.start(work.resolve("embedded"), null, "1g", log)) {
                r.put("readyMsEmbeddedFirstStart", first.readyMillis());
            }
        }
        try (ServiceProcess again = ServiceProcess.start(work.resolve("embedded"), null, "1g", log)) {
            r.put("readyMsEmbedded", again.readyMillis());
        }
        return BenchResults.written("service-" + plan.pairs() + ".json", r);
    }

    /**
     * The load phases again on the data directory an earlier run left ({@code -Dbench.reuse=
     * target/bench-data/service-<pairs>-<run>}): its MariaDB and index, no import, so a change to the
     * search or workflow path is measured side by side in minutes. Results in
     * {@code target/bench/service-reuse.json}.
     */
    @Test
    @EnabledIfSystemProperty(named = "bench.reuse", matches = ".+")
    void loadAgain() throws Exception {
        FullJit.require();
        Path work = Path.of(System.getProperty("bench.reuse"));
        Plan plan = plan(1);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", java.time.LocalDate.now().toString());
        r.put("reused", work.toString());
        r.put("serviceJvmOptions", ServiceProcess.extraOptions());
        EmbeddedMariaDb external = EmbeddedMariaDb.forDataDir(work.resolve("external"));
        String url = external.start();
        try (MariaDbPoolDataSource ds = new MariaDbPoolDataSource(url + "?user=root&maxPoolSize=20");
             ServiceProcess svc = ServiceProcess.start(work.resolve("svc"), url, "1g", work.resolve("service.log"))) {
            Staffing.Person editor = new Staffing(svc.http()).editor("TYO");
            waitSearchable(editor.http(), 1);
            load(plan, svc, editor, ds, work, r);
        } finally {
            external.stop();
        }
        System.out.println(BenchResults.written("service-reuse.json", r));
    }

    /** wrk at each rate after a warm-up, then the workflow at each number of users beside raw JDBC. */
    private static void load(Plan plan, ServiceProcess svc, Staffing.Person editor, MariaDbPoolDataSource ds, Path work,
                             Map<String, Object> r) throws Exception {
        // like SearchBench: MariaDB writes out what the import left dirty and the service finishes its
        // merges first, so the load phases measure searching, not the import's aftermath
        r.put("mariaDbSettleSeconds", Settle.mariaDb(new Db(ds), Settle.BENCH));
        r.put("serviceQuietSeconds", Settle.quiet(svc.pid(), 0.05, Settle.BENCH));
        List<String> mix = CorpusGenerator.queries(20261122L, 200);
        List<Map<String, Object>> load = new ArrayList<>();
        // the search path is compiled while it answers: 10 s of warm-up left a reused service at 358 req/s
        // (p99 516 ms) at 400 requested where a minute gave 400 at p99 33 ms (same build, same data)
        int warmUp = Integer.getInteger("bench.warmup", Math.min(60, plan.wrkSeconds() * 2));
        if (plan.rates().length > 0) {
            WrkLoad.run(svc.http().base(), editor.token(), mix, plan.rates()[0], 16, warmUp, work);
        }
        for (int rate : plan.rates()) {
            load.add(WrkLoad.run(svc.http().base(), editor.token(), mix, rate, 16, plan.wrkSeconds(), work));
        }
        r.put("httpSearch", load);

        Callable<Double> quiet = () -> Settle.quiet(svc.pid(), 0.05, Settle.BENCH);
        // as for search: the workflow's code paths (JDBC, rules, memory, the indexers' updates) are
        // compiled while they answer. Without a warm-up the first level measured the JIT: a reused
        // service made 233-259 transitions/s at 16 users first and 287 after 64 users, and 261 at 64
        // users first where 486-610 after 16 (2026-12-04 00:15-00:23, run X's data).
        int workflowWarmUp = Integer.getInteger("bench.workflowWarmup",
                (int) Math.min(20, plan.workflow().toSeconds()));
        if (plan.users().length > 0 && workflowWarmUp > 0) {
            r.put("workflowWarmUp", WorkflowBench.run(svc.http(), ds, plan.users()[0],
                    Duration.ofSeconds(workflowWarmUp), plan.pairsPerOffice(), quiet));
        }
        List<Map<String, Object>> workflow = new ArrayList<>();
        for (int users : plan.users()) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("service", WorkflowBench.run(svc.http(), ds, users, plan.workflow(), plan.pairsPerOffice(),
                    quiet));
            List<Long> rawPairs = new ArrayList<>();
            for (int made = 0; made < plan.pairsPerOffice() * 8; made += 200) {
                rawPairs.addAll(Fixtures.bulletin(editor.http(), "PAR", 200, false).pairIds());
            }
            quiet.call(); // the service indexes those pairs; the raw loop shares its two cores
            level.put("rawJdbc", RawJdbcWorkflow.run(ds, editor.id(), rawPairs, users, plan.workflow()));
            workflow.add(level);
        }
        r.put("workflow", workflow);
    }

    /** A comma-separated list of numbers from a system property ({@code -Dbench.users=} for none). */
    private static int[] ints(String property, String otherwise) {
        return java.util.Arrays.stream(System.getProperty(property, otherwise).split(","))
                .filter(v -> !v.isBlank()).mapToInt(v -> Integer.parseInt(v.strip())).toArray();
    }

    private static void waitSearchable(Http staff, int pairs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            // no total while the index is rebuilt (a reused run after a layout change): 503, try again
            if (staff.get("/api/v1/search?size=1").map().get("total") instanceof Number total
                    && total.longValue() >= pairs) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the corpus did not become searchable");
    }
}
