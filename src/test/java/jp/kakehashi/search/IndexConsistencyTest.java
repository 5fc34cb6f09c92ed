package jp.kakehashi.search;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import jp.kakehashi.index.IndexStore;
import jp.kakehashi.support.ChildJvm;
import jp.kakehashi.support.ContextStarts;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.LoopbackPorts;
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.Staffing;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index against MariaDB after the worst: the service killed with SIGKILL while indexing, and
 * the index directory deleted. Afterwards every pair has exactly its documents with MariaDB's
 * current texts: 0 missing, 0 stale, 0 extra.
 */
@Slow
public class IndexConsistencyTest {

    /** The service on its own data directory, its indexer polling every 50 ms. */
    static EmbeddedServer start(String data) {
        return start(data, Map.of());
    }

    private static EmbeddedServer start(String data, Map<String, Object> more) {
        Map<String, Object> properties = new java.util.HashMap<>(more);
        properties.putAll(Map.of("kakehashi.data-dir", data, "kakehashi.admin-password", Staffing.ADMIN_PASSWORD,
                "kakehashi.search.poll-interval", "50ms"));
        return ContextStarts.server(properties, "test");
    }

    @Test
    void aServiceKilledWhileIndexingCatchesUpFromTheOutboxWithNothingMissingStaleOrExtra() throws Exception {
        String data = "target/test-data/kill-" + System.nanoTime();
        int port = LoopbackPorts.free();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(ChildJvm.options());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dkakehashi.data-dir=" + data,
                "-Dmicronaut.server.port=" + port, "-Dkakehashi.admin-password=" + Staffing.ADMIN_PASSWORD,
                "-Dkakehashi.search.poll-interval=50ms", "jp.kakehashi.Application"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "kill-child-" + port + ".log").toFile()).start();
        long indexedAtKill;
        try {
            Http http = new Http(URI.create("http://localhost:" + port + "/"), JsonMapper.createDefault());
            Instant deadline = Instant.now().plusSeconds(120);
            while (!healthy(http) && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            Http editor = new Staffing(http).editor("TYO").http();
            // Imports keep arriving while the indexer works through them; the kill lands mid-stream.
            Thread writer = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 8; i++) {
                    try {
                        Fixtures.bulletin(editor, i % 2 == 0 ? "PAR" : "LON", 200, i % 3 == 0);
                    } catch (RuntimeException | AssertionError killed) {
                        return;
                    }
                }
            });
            long indexed = 0;
            while (indexed < 300 && writer.isAlive()) {
                indexed = ((Number) editor.get("/api/v1/search?size=1").map().get("total")).longValue();
            }
            indexedAtKill = indexed;
            child.destroyForcibly();
            writer.join();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        System.out.println("Killed with " + indexedAtKill + " pairs in the index while imports continued");
        try (EmbeddedServer server = start(data)) {
            caughtUp(server);
            assertIndexEqualsDatabase(server);
        }
    }

    @Test
    void anIndexOfOtherAnalyzersAnswersSearchesWhileItsReplacementIsBuiltBeside() throws Exception {
        String data = "target/test-data/interim-" + System.nanoTime();
        Map<String, String> before;
        try (EmbeddedServer server = start(data)) {
            Http editor = new Staffing(new Http(server, server.getApplicationContext().getBean(JsonMapper.class)))
                    .editor("SIN").http();
            Fixtures.bulletin(editor, "SIN", 12, true);
            caughtUp(server);
            before = documents(server);
        }
        IndexStoreTestAccess.stampAnalyzers(Path.of(data, "index"), "an older analyzer configuration");
        // MariaDB holds the rebuild's reading of the pairs until the test lets go, so the rebuild
        // cannot be over before the searches below
        String url = jp.kakehashi.database.EmbeddedMariaDb.forDataDir(Path.of(data)).start();
        java.sql.Connection lock = java.sql.DriverManager.getConnection(url, "root", "");
        lock.createStatement().execute("LOCK TABLES doc_pair WRITE");
        try (EmbeddedServer server = start(data)) {
            SearchIndex index = server.getApplicationContext().getBean(SearchIndex.class);
            Instant deadline = Instant.now().plusSeconds(60);
            while (index.appliedOutboxId() < 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertEquals(before, documents(index), "the previous index answers, whole");
            Http.Response r = new Http(server, server.getApplicationContext().getBean(JsonMapper.class))
                    .get("/api/v1/search?q=x");
            assertEquals(200, r.status(), "no 503 while the new index is built: " + r.body());
            assertEquals("an older analyzer configuration",
                    IndexStore.committed(Path.of(data, "index")).orElseThrow().get(IndexStore.ANALYZERS),
                    "not yet replaced, nor stamped with the new analyzers");
            lock.createStatement().execute("UNLOCK TABLES");
            lock.close();
            caughtUp(server);
            Instant swapped = Instant.now().plusSeconds(60);
            // mid-swap the directory is briefly gone (the old one deleted, the new one not yet moved in)
            while (IndexStore.committed(Path.of(data, "index")).map(c -> c.get(IndexStore.ANALYZERS))
                    .orElse("an older analyzer configuration").equals("an older analyzer configuration")
                    && Instant.now().isBefore(swapped)) {
                Thread.sleep(50);
            }
            assertTrue(!IndexStore.committed(Path.of(data, "index")).orElseThrow().get(IndexStore.ANALYZERS)
                    .equals("an older analyzer configuration"), "the rebuilt index replaced it");
            assertEquals(before, documents(server));
        } finally {
            if (!lock.isClosed()) {
                lock.close();
            }
        }
    }

    @Test
    void aDeletedIndexIsRebuiltFromMariaDbAndEqualAndMergedIntoOneSegment() throws Exception {
        String data = "target/test-data/rebuild-" + System.nanoTime();
        Map<String, String> before;
        try (EmbeddedServer server = start(data)) {
            Http editor = new Staffing(new Http(server, server.getApplicationContext().getBean(JsonMapper.class)))
                    .editor("SIN").http();
            // more pairs than one chunk of the pipeline: both analysis threads write, each its own segment
            Fixtures.bulletin(editor, "SIN", 30, true);
            Fixtures.bulletin(editor, "SIN", 120, false);
            caughtUp(server);
            before = documents(server);
        }
        IndexStoreTestAccess.delete(Path.of(data, "index"));
        try (EmbeddedServer server = start(data)) {
            Http.Response during = new Http(server, server.getApplicationContext().getBean(JsonMapper.class))
                    .get("/api/v1/search?q=x");
            assertTrue(during.status() == 200 || during.status() == 503 && during.body().contains("SEARCH_UNAVAILABLE"),
                    during.status() + " " + during.body());
            caughtUp(server);
            assertEquals(before, documents(server));
            assertIndexEqualsDatabase(server);
            assertEquals(1, segments(server.getApplicationContext().getBean(SearchIndex.class)),
                    "a rebuilt index is merged down");
        }
        IndexStoreTestAccess.stampAnalyzers(Path.of(data, "index"), "an older analyzer configuration");
        assertEquals("an older analyzer configuration",
                IndexStore.committed(Path.of(data, "index")).orElseThrow().get(IndexStore.ANALYZERS));
        try (EmbeddedServer server = start(data)) {
            caughtUp(server);
            assertEquals(before, documents(server), "a changed analyzer hash rebuilds the index");
        }
        assertTrue(!IndexStore.committed(Path.of(data, "index")).orElseThrow().get(IndexStore.ANALYZERS)
                .equals("an older analyzer configuration"));
        Files.writeString(Path.of(data, "index", "segments_999"), "not an index");
        try (EmbeddedServer server = start(data)) {
            caughtUp(server);
            assertEquals(before, documents(server), "a corrupt index is rebuilt too");
        }
    }

    @Test
    void anIndexThatFollowedAnImportIsMergedIntoOneSegmentOnceTheOutboxHasBeenQuiet() throws Exception {
        String data = "target/test-data/quiet-merge-" + System.nanoTime();
        try (EmbeddedServer server = start(data, Map.of("kakehashi.search.merge-after-pairs", "100",
                "kakehashi.search.merge-quiet", "3s"))) {
            Http editor = new Staffing(new Http(server, server.getApplicationContext().getBean(JsonMapper.class)))
                    .editor("SEL").http();
            SearchIndex index = server.getApplicationContext().getBean(SearchIndex.class);
            Fixtures.bulletin(editor, "SEL", 60, true);
            caughtUp(server);
            Fixtures.bulletin(editor, "SEL", 60, false);
            caughtUp(server);
            assertTrue(segments(index) > 1, "each catch-up flushed its own segment");
            Instant deadline = Instant.now().plusSeconds(60);
            while (segments(index) > 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertEquals(1, segments(index), "120 pairs written, then 3 s without a change");
            assertIndexEqualsDatabase(server);

            Fixtures.bulletin(editor, "SEL", 5, false);
            caughtUp(server);
            Thread.sleep(4_000);
            assertEquals(2, segments(index), "5 pairs since the merge are below the threshold");
        }
    }

    private static int segments(SearchIndex index) throws IOException {
        return index.currentStore().orElseThrow().segments();
    }

    @Test
    void aReplayOfTheWholeOutboxInBatchesThatNameThePairsAgainAndAgainEndsEqualToMariaDb() throws Exception {
        String data = "target/test-data/replay-" + System.nanoTime();
        try (EmbeddedServer server = start(data)) {
            var ctx = server.getApplicationContext();
            Http editor = new Staffing(new Http(server, ctx.getBean(JsonMapper.class))).editor("PAR").http();
            Fixtures.Created translated = Fixtures.bulletin(editor, "PAR", 40, true);
            Fixtures.bulletin(editor, "LON", 25, false);
            Db db = new Db(ctx.getBean(DataSource.class));
            // 40 pairs named 50 times over: every batch of 500 rows shares its pairs with the one before.
            db.update("INSERT INTO outbox_event (aggregate_type, aggregate_id, kind, created_at)"
                    + " SELECT 'pair', p.id, 'replayed', NOW(6) FROM seq_1_to_50 s CROSS JOIN doc_pair p"
                    + " WHERE p.bulletin_id = ? ORDER BY s.seq, p.id", translated.bulletinId());
            caughtUp(server);
            long last = outboxHead(ctx);
            assertTrue(last > 3 * IndexPipeline.BATCH, "several batches: " + last);
            Map<String, String> live = documents(ctx.getBean(SearchIndex.class));
            // A commit after every batch, and one only at the clean stop.
            for (Duration commitEvery : List.of(Duration.ZERO, Duration.ofHours(1))) {
                Path replay = Path.of(data, "replay-" + commitEvery.toMillis());
                try (SearchIndex follower = OutboxReplay.start(ctx, replay, commitEvery, commitEvery)) {
                    caughtUp(follower, last);
                    assertEquals(live, documents(follower), "replayed with a commit every " + commitEvery);
                }
                assertEquals(Long.toString(last),
                        IndexStore.committed(replay.resolve("index")).orElseThrow().get(SearchIndex.OUTBOX));
            }
            // Stopped as soon as it starts: whatever it committed by then, it resumes from there and ends equal.
            Path stopped = Path.of(data, "replay-stopped");
            OutboxReplay.start(ctx, stopped, Duration.ofSeconds(1), Duration.ofSeconds(10)).close();
            long committedAtStop = Long.parseLong(
                    IndexStore.committed(stopped.resolve("index")).orElseThrow().get(SearchIndex.OUTBOX));
            assertTrue(committedAtStop <= last, committedAtStop + " <= " + last);
            try (SearchIndex resumed = OutboxReplay.resume(ctx, stopped, Duration.ofSeconds(1),
                    Duration.ofSeconds(10))) {
                caughtUp(resumed, last);
                assertEquals(live, documents(resumed), "resumed from outbox seq " + committedAtStop);
            }
            assertIndexEqualsDatabase(server);
        }
    }

    /**
     * Outbox rows older than the retention are pruned, young ones kept; a follower whose cursor is
     * below the pruning horizon (an instance stopped for longer than the retention) cannot replay
     * what it missed and rebuilds instead, ending equal to the live index.
     */
    @Test
    void aFollowerBehindThePrunedOutboxRebuildsAndEndsEqualToMariaDb() throws Exception {
        String data = "target/test-data/prune-" + System.nanoTime();
        try (EmbeddedServer server = start(data, Map.of("kakehashi.outbox.retention", "2s",
                "kakehashi.outbox.prune-interval", "300ms"))) {
            var ctx = server.getApplicationContext();
            Http editor = new Staffing(new Http(server, ctx.getBean(JsonMapper.class))).editor("PAR").http();
            Fixtures.bulletin(editor, "PAR", 12, true);
            Db db = new Db(ctx.getBean(DataSource.class));
            long old = outboxHead(ctx);
            Instant deadline = Instant.now().plusSeconds(30);
            while (db.count("SELECT COUNT(*) FROM outbox_event WHERE seq <= ?", old) > 0
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertEquals(0, db.count("SELECT COUNT(*) FROM outbox_event WHERE seq <= ?", old), "old rows pruned");
            assertTrue(db.count("SELECT pruned_through FROM outbox_horizon") >= old);
            Fixtures.bulletin(editor, "LON", 5, false);
            long last = outboxHead(ctx);
            assertTrue(db.count("SELECT COUNT(*) FROM outbox_event WHERE seq > ?", old) > 0, "young rows kept");
            caughtUp(server);
            Map<String, String> live = documents(ctx.getBean(SearchIndex.class));
            assertEquals(17, live.keySet().stream().filter(k -> k.endsWith("/" + PairDocument.STAFF)).count(),
                    live.toString());
            try (SearchIndex follower = OutboxReplay.start(ctx, Path.of(data, "behind"), Duration.ofSeconds(1),
                    Duration.ofSeconds(10))) {
                caughtUp(follower, last);
                assertTrue(follower.lastRebuild().isPresent(), "rebuilt, not replayed");
                assertEquals(live, documents(follower));
            }
        }
    }

    /**
     * After a quiet spell longer than the retention every row is pruned, the newest too: a new
     * follower's rebuild must start from the horizon, not from the empty table's 0, which is below
     * it and had every tick rebuild again.
     */
    @Test
    void aRebuildAfterEveryRowWasPrunedStartsAtTheHorizonAndHappensOnce() throws Exception {
        String data = "target/test-data/pruned-all-" + System.nanoTime();
        try (EmbeddedServer server = start(data, Map.of("kakehashi.outbox.retention", "1s",
                "kakehashi.outbox.prune-interval", "300ms"))) {
            var ctx = server.getApplicationContext();
            Http editor = new Staffing(new Http(server, ctx.getBean(JsonMapper.class))).editor("PAR").http();
            Fixtures.bulletin(editor, "PAR", 6, true);
            Db db = new Db(ctx.getBean(DataSource.class));
            Instant deadline = Instant.now().plusSeconds(30);
            while (db.count("SELECT COUNT(*) FROM outbox_event") > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertEquals(0, db.count("SELECT COUNT(*) FROM outbox_event"), "every row pruned");
            long horizon = db.count("SELECT pruned_through FROM outbox_horizon");
            try (SearchIndex follower = OutboxReplay.start(ctx, Path.of(data, "new"), Duration.ofSeconds(1),
                    Duration.ofSeconds(10))) {
                caughtUp(follower, horizon);
                SearchIndex.Rebuild rebuilt = follower.lastRebuild().orElseThrow();
                Thread.sleep(1_000);
                assertSame(rebuilt, follower.lastRebuild().orElseThrow(), "no rebuild after the first");
                assertEquals(documents(ctx.getBean(SearchIndex.class)), documents(follower));
            }
        }
    }

    private static boolean healthy(Http http) {
        try {
            return http.get("/health").status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    public static void caughtUp(EmbeddedServer server) throws InterruptedException {
        caughtUp(server.getApplicationContext().getBean(SearchIndex.class), outboxHead(server.getApplicationContext()));
    }

    /** The outbox's last seq once every row committed so far is numbered: a follower there has seen them all. */
    public static long outboxHead(io.micronaut.context.BeanContext ctx) {
        ctx.getBean(jp.kakehashi.index.CommitOrder.class).assign("outbox_event");
        return new Db(ctx.getBean(DataSource.class)).count("SELECT COALESCE(MAX(seq), 0) FROM outbox_event");
    }

    private static void caughtUp(SearchIndex index, long last) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (index.appliedOutboxId() < last && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(last, index.appliedOutboxId(), "the indexer caught up with the outbox");
    }

    /** pair/view → ja title|en title|status|office of every document in the index. */
    private static Map<String, String> documents(EmbeddedServer server) {
        return documents(server.getApplicationContext().getBean(SearchIndex.class));
    }

    private static Map<String, String> documents(SearchIndex index) {
        return index.search(searcher -> {
            Map<String, String> docs = new TreeMap<>();
            List<String> duplicates = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(new MatchAllDocsQuery(), Integer.MAX_VALUE / 2).scoreDocs) {
                var d = stored.document(sd.doc);
                String key = d.get(PairDocument.PAIR) + "/" + d.get(PairDocument.VIEW);
                String value = d.get(PairDocument.JA_TITLE) + "|" + d.get(PairDocument.EN_TITLE) + "|"
                        + d.get(PairDocument.STATUS) + "|" + d.get(PairDocument.OFFICE);
                if (docs.put(key, value) != null) {
                    duplicates.add(key);
                }
            }
            assertEquals(List.of(), duplicates, "one document per pair and view");
            return docs;
        });
    }

    static void assertIndexEqualsDatabase(EmbeddedServer server) {
        Db db = new Db(server.getApplicationContext().getBean(DataSource.class));
        Map<String, String> expected = new TreeMap<>();
        String titles = "SELECT p.id, p.source_lang, s.title, t.title, %s, p.office_code FROM doc_pair p"
                + " JOIN bulletin b ON b.id = p.bulletin_id"
                + " JOIN source_revision s ON s.pair_id = p.id AND s.revision = p.%s"
                + " LEFT JOIN target_revision t ON t.pair_id = p.id AND t.revision = p.%s";
        for (Object[] row : db.rows(titles.formatted("p.status", "source_revision", "target_revision"))) {
            expected.put(row[0] + "/staff", line(row));
        }
        for (Object[] row : db.rows(titles.formatted("'RELEASED'", "released_source_revision",
                "released_target_revision") + " WHERE b.state = 'RELEASED'")) {
            expected.put(row[0] + "/public", line(row));
        }
        assertTrue(expected.size() > 0);
        assertEquals(expected, documents(server), "index documents = MariaDB rows");
    }

    private static String line(Object[] row) {
        boolean ja = "ja".equals(row[1]);
        return (ja ? row[2] : row[3]) + "|" + (ja ? row[3] : row[2]) + "|" + row[4] + "|" + row[5];
    }

    /** Test-side access to the index directory helper. */
    static final class IndexStoreTestAccess {
        /** Rewrites the last commit's analyzer hash, as an index built by an older release would carry. */
        static void stampAnalyzers(Path path, String hash) throws IOException {
            try (var dir = org.apache.lucene.store.FSDirectory.open(path);
                 var writer = new org.apache.lucene.index.IndexWriter(dir,
                         new org.apache.lucene.index.IndexWriterConfig())) {
                Map<String, String> data = new HashMap<>();
                writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
                data.put(IndexStore.ANALYZERS, hash);
                writer.setLiveCommitData(data.entrySet());
                writer.commit();
            }
        }

        static void delete(Path path) throws IOException {
            IndexStore.deleteTree(path);
            assertTrue(!Files.exists(path));
        }
    }
}
