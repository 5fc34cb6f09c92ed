package jp.kakehashi.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import jp.kakehashi.bench.ServiceProcess;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.OldVersion;
import jp.kakehashi.support.SharedMariaDb;
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade as docs/operate.md describes it: the old release (built from this repository's
 * history: the commit before the newest migration) serves on a database, the new jar starts beside
 * it and migrates that database while the old one keeps answering, both serve side by side (each
 * finds what the other wrote), an old instance restarted mid-upgrade still starts on the migrated
 * schema, then the old one stops. Readers and staff keep working throughout: no request fails.
 */
@Slow
class RollingUpgradeTest {
    private static final String SECRET = "a-token-secret-both-instances-share-0123456789";

    @Test
    void theNewJarMigratesTheDatabaseBesideTheOldOneAndNoRequestFails() throws Exception {
        String commit = OldVersion.commit();
        Path oldJar = OldVersion.jar(commit);
        Path newJar = ServiceProcess.packagedJar();
        String url = SharedMariaDb.freshDatabase("t_rolling_upgrade");
        Path dir = Files.createDirectories(Path.of("target", "test-data", "upgrade-" + System.nanoTime()));
        Path log = dir.resolve("services.log");
        List<String> options = List.of("-Dkakehashi.token-secret=" + SECRET);

        ServiceProcess old = ServiceProcess.start(dir.resolve("old"), url, "384m", log, oldJar, options);
        ServiceProcess fresh = null;
        Load load = new Load();
        try {
            int before = schemaVersion(url);
            assertTrue(before < newestMigration(), "the old release predates the newest migration: V" + before);
            Staffing staffing = new Staffing(old.http());
            Person editor = staffing.editor("PAR");
            Person translator = staffing.translator("PAR");
            Fixtures.Created first = Fixtures.bulletin(editor.http(), "PAR", 2, false);
            awaitAnswering(old.http(), "/api/v1/search?q=x"); // the old release has no readiness for its index
            load.start(old.http().as(editor.token()));

            fresh = ServiceProcess.start(dir.resolve("new"), url, "384m", log, newJar, options);
            assertEquals(newestMigration(), schemaVersion(url), "the new jar migrated the shared database");
            Http editorOnNew = fresh.http().as(editor.token());
            awaitAnswering(fresh.http(), "/health/readiness"); // as a load balancer waits before sending it anyone
            load.start(editorOnNew);

            // the old release works on the migrated schema: a whole translation through it
            long pair = first.pairIds().getFirst();
            Http t = old.http().as(translator.token());
            assertEquals(200, t.postJson("/api/v1/pairs/" + pair + "/claim", Map.of()).status());
            Http.Response saved = t.write("PUT", "/api/v1/pairs/" + pair + "/target",
                    Map.of("title", "Upgraded", "body", "Staff of Shirakawa City visited Paris."),
                    Fixtures.etag(t, pair));
            assertEquals(200, saved.status(), saved.body());
            assertEquals(200, t.postJson("/api/v1/pairs/" + pair + "/submit", Map.of()).status());
            Http.Response approved = old.http().as(editor.token()).postJson("/api/v1/pairs/" + pair + "/approve", Map.of());
            assertEquals(200, approved.status(), approved.body());

            // each instance finds what the other wrote, through its own index
            assertEquals("APPROVED", editorOnNew.get("/api/v1/pairs/" + pair).map().get("status"));
            awaitFound(editorOnNew, title(editorOnNew, pair));
            Fixtures.Created second = Fixtures.bulletin(editorOnNew, "PAR", 1, false);
            awaitFound(old.http().as(editor.token()), title(editorOnNew, second.pairIds().getFirst()));

            // an old instance restarted mid-upgrade (a crash, a host reboot) starts on the newer schema
            load.stop(old.http().base().toString());
            old.close();
            old = ServiceProcess.start(dir.resolve("old"), url, "384m", log, oldJar, options);
            assertEquals(200, old.http().as(editor.token()).get("/api/v1/pairs/" + pair).status());
            awaitAnswering(old.http(), "/api/v1/search?q=x");
            load.start(old.http().as(editor.token()));
            Thread.sleep(500); // both instances under load together once more
            load.stop(old.http().base().toString());
            old.close();
            old = null;
            assertEquals(200, editorOnNew.get("/api/v1/bulletins?size=5").status(), "the new one serves alone");
        } finally {
            load.stopAll();
            if (old != null) {
                old.close();
            }
            if (fresh != null) {
                fresh.close();
            }
        }
        System.out.printf("Rolling upgrade from %s: %d requests during it, %d failed%n", commit.substring(0, 10),
                load.requests.get(), load.failures.size());
        assertEquals(List.of(), load.failures, "no request failed during the upgrade");
        assertTrue(load.requests.get() > 20, "the instances were under load: " + load.requests.get());
    }

    /**
     * Staff reading, searching and importing against each instance that is up, until told to stop
     * with that instance (a stop is the operator's, so its refused connections do not count).
     */
    private static final class Load {
        final AtomicInteger requests = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
        private final Map<String, Thread> threads = new ConcurrentHashMap<>();

        void start(Http http) {
            AtomicBoolean on = new AtomicBoolean(true);
            running.put(http.base().toString(), on);
            List<Supplier<Http.Response>> calls = List.of(() -> http.get("/api/v1/bulletins?size=5"),
                    () -> http.get("/api/v1/search?q=" + URLEncoder.encode("白河", StandardCharsets.UTF_8)),
                    () -> Fixtures.post(http, "PAR", 1, false));
            Thread thread = Thread.ofPlatform().start(() -> {
                for (int i = 0; on.get(); i++) {
                    Supplier<Http.Response> call = calls.get(i % calls.size());
                    try {
                        Http.Response r = call.get();
                        requests.incrementAndGet();
                        if (r.status() >= 300) {
                            failures.add(http.base() + " " + r.status() + " " + r.body());
                        }
                    } catch (RuntimeException e) {
                        if (on.get()) {
                            failures.add(http.base() + " " + e);
                        }
                    }
                }
            });
            threads.put(http.base().toString(), thread);
        }

        /** Lets the request in flight finish, as a load balancer drains an instance before it stops. */
        void stop(String base) throws InterruptedException {
            running.get(base).set(false);
            threads.get(base).join(60_000);
        }

        void stopAll() throws InterruptedException {
            for (String base : List.copyOf(running.keySet())) {
                stop(base);
            }
        }
    }

    private static void awaitAnswering(Http http, String path) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (http.get(path).status() != 200) {
            assertTrue(Instant.now().isBefore(deadline), path + " answers on " + http.base());
            Thread.sleep(20);
        }
    }

    private static String title(Http http, long pair) {
        return (String) ((Map<?, ?>) http.get("/api/v1/pairs/" + pair).map().get("source")).get("title");
    }

    private static void awaitFound(Http http, String title) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String q = "/api/v1/search?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        while (!http.get(q).body().contains(title)) {
            assertTrue(Instant.now().isBefore(deadline), "found " + title + " through " + http.base());
            Thread.sleep(50);
        }
    }

    private static int newestMigration() throws java.io.IOException {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
    }

    private static int schemaVersion(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "root", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history WHERE success = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
