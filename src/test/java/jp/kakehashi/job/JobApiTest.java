package jp.kakehashi.job;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import jp.kakehashi.search.IndexConsistencyTest;
import jp.kakehashi.support.Await;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Long work as jobs through the API: 202 and a status resource whose progress is watched while a
 * table lock holds the work in the middle (so "running" is seen for certain, not by luck of timing),
 * then its result, or the problem that stopped it; who may see it; the rebuild served meanwhile.
 */
@MicronautTest(transactional = false)
class JobApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ApplicationContext ctx;
    @Inject
    DataSource dataSource;
    Person editor;
    Person otherEditor;
    Person translator;
    Http admin;
    Db db;

    @BeforeAll
    void setUp() {
        Staffing staffing = new Staffing(new Http(server, json));
        editor = staffing.editor("PAR");
        otherEditor = staffing.editor("LON");
        translator = staffing.translator("PAR");
        admin = staffing.admin();
        db = new Db(dataSource);
    }

    static String tmx(int units, String tag) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><tmx version=\"1.4\">"
                + "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\""
                + " adminlang=\"en\" srclang=\"ja\" datatype=\"plaintext\"/><body>");
        for (int i = 0; i < units; i++) {
            b.append("<tu><tuv xml:lang=\"ja\"><seg>").append(tag).append("の交流会 ").append(i).append("</seg></tuv>")
                    .append("<tuv xml:lang=\"en\"><seg>Exchange meeting ").append(tag).append(' ').append(i)
                    .append("</seg></tuv></tu>");
        }
        return b.append("</body></tmx>").toString();
    }

    private static Http.Response async(Person who, String path, String type, String body) {
        return who.http().send(HttpRequest.newBuilder(who.http().base().resolve(path)).header("Content-Type", type)
                .header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8))));
    }

    /** A connection of its own holding {@code LOCK TABLES … WRITE}: the work waits at that table until closed. */
    private Connection locking(String table) throws SQLException {
        String url = ctx.getProperty("datasources.default.url", String.class).orElseThrow();
        Connection c = DriverManager.getConnection(url, "root", "");
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLES " + table + " WRITE");
        }
        return c;
    }

    /** Polls the status resource until {@code until} holds; every answer seen, in order. */
    private static List<Map<String, Object>> watch(Http who, String location, Predicate<Map<String, Object>> until)
            throws InterruptedException {
        List<Map<String, Object>> seen = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Http.Response r = who.get(location);
            assertEquals(200, r.status(), r.body());
            seen.add(r.map());
            if (until.test(r.map())) {
                return seen;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the job never got there: " + seen.getLast());
    }

    private static long number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @Test
    void aTmxImportAskedToRespondAsyncIsAJobWhoseProgressIsWatchedToItsResult() throws Exception {
        String tag = "J" + UUID.randomUUID().toString().substring(0, 6);
        Http.Response accepted;
        List<Map<String, Object>> running;
        String location;
        try (Connection lock = locking("tm_unit")) {
            accepted = async(editor, "/api/v1/tm/import", "application/x-tmx+xml", tmx(1_200, tag));
            assertEquals(202, accepted.status(), accepted.body());
            location = accepted.header("Location");
            assertTrue(location.matches("/api/v1/jobs/\\d+"), location);
            assertEquals("respond-async", accepted.header("Preference-Applied"));
            assertEquals(location, accepted.map().get("self"));
            assertEquals("TMX_IMPORT", accepted.map().get("kind"));
            running = watch(editor.http(), location, j -> "RUNNING".equals(j.get("state")) && j.get("total") != null);
            Map<String, Object> now = running.getLast();
            assertEquals(1_200L, number(now, "total"));
            assertEquals(0L, number(now, "done"), "held at the locked table");
            assertEquals(0L, number(now, "percent"));
            assertEquals(editor.username(), now.get("startedBy"));
            // the row says so too, for another instance asked about the job
            long id = number(accepted.map(), "id");
            watchRow(id);
        }
        List<Map<String, Object>> seen = watch(editor.http(), location, j -> !"RUNNING".equals(j.get("state")));
        Map<String, Object> done = seen.getLast();
        assertEquals("SUCCEEDED", done.get("state"), done.toString());
        assertEquals(100L, number(done, "percent"));
        assertEquals(1_200L, number(done, "done"));
        assertNotNull(done.get("finishedAt"));
        assertNull(done.get("etaSeconds"));
        Map<?, ?> result = (Map<?, ?>) done.get("result");
        assertEquals(1_200, ((Number) result.get("units")).intValue());
        assertEquals(0, ((Number) result.get("skipped")).intValue());
        assertEquals(1_200, db.count("SELECT COUNT(*) FROM tm_unit WHERE source_text LIKE ?", tag + "%"));
        long last = -1;
        for (Map<String, Object> j : running.subList(0, running.size())) {
            long p = j.get("percent") == null ? 0 : number(j, "percent");
            assertTrue(p >= last, "progress never goes back: " + running);
            last = p;
        }
    }

    private void watchRow(long id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (db.count("SELECT COUNT(*) FROM job WHERE id = ? AND state = 'RUNNING' AND total = 1200", id) == 0) {
            assertTrue(Instant.now().isBefore(deadline), "the heartbeat wrote the job's row");
            Thread.sleep(50);
        }
    }

    @Test
    void aJobIsSeenByWhoStartedItAndByAdministratorsOnly() throws Exception {
        Http.Response accepted = async(editor, "/api/v1/tm/import", "application/xml", tmx(2, "見える"));
        assertEquals(202, accepted.status(), accepted.body());
        String location = accepted.header("Location");
        watch(editor.http(), location, j -> "SUCCEEDED".equals(j.get("state")));
        assertProblem(otherEditor.http().get(location), 404, "NOT_FOUND");
        assertProblem(editor.http().anonymous().get(location), 401, "UNAUTHORIZED");
        assertEquals(200, admin.get(location).status());
        assertProblem(editor.http().get("/api/v1/jobs"), 403, "FORBIDDEN");
        Http.Response list = admin.get("/api/v1/jobs?limit=100");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("\"self\":\"" + location + "\""), list.body());
        assertProblem(admin.get("/api/v1/jobs?limit=0"), 400, "INVALID_PARAMETER");
        assertProblem(admin.get("/api/v1/jobs/999999999"), 404, "NOT_FOUND");
    }

    @Test
    void whatCanBeRefusedAtOnceIsRefusedBeforeAJobAndWhatTheFileHoldsEndsTheJobWithItsProblem() throws Exception {
        assertProblem(async(translator, "/api/v1/tm/import", "application/xml", tmx(1, "x")), 403, "FORBIDDEN");
        assertProblem(async(editor, "/api/v1/tm/import", "application/xml", ""), 400, "EMPTY_BODY");
        assertProblem(async(editor, "/api/v1/glossary/import", "application/xml", ""), 400, "EMPTY_BODY");

        Http.Response broken = async(editor, "/api/v1/tm/import", "application/xml", "<tmx><body><tu>");
        assertEquals(202, broken.status(), broken.body());
        Map<String, Object> failed = watch(editor.http(), broken.header("Location"),
                j -> "FAILED".equals(j.get("state"))).getLast();
        assertEquals("INVALID_XML", ((Map<?, ?>) failed.get("error")).get("code"));
        assertNull(failed.get("percent"));

        String term = "他所の用語" + UUID.randomUUID().toString().substring(0, 6);
        String tbx = tbx(entry("PAR", term + "1", "ours") + entry("LON", term + "2", "theirs"));
        Http.Response refused = async(editor, "/api/v1/glossary/import", "application/x-tbx+xml", tbx);
        assertEquals(202, refused.status(), refused.body());
        Map<String, Object> job = watch(editor.http(), refused.header("Location"),
                j -> "FAILED".equals(j.get("state"))).getLast();
        assertEquals("FORBIDDEN", ((Map<?, ?>) job.get("error")).get("code"));
        assertEquals(1, ((Number) ((Map<?, ?>) job.get("result")).get("entry")).intValue(), job.toString());
        assertEquals(0, db.count("SELECT COUNT(*) FROM glossary_term WHERE term_ja LIKE ?", term + "%"),
                "the file's first entry was not kept either");
    }

    /**
     * A TBX import that InnoDB picks as a deadlock victim (on Galera: one that fails certification;
     * both are error 1213 and roll it back whole) is run again from its first entry and ends as one
     * import. The deadlock: the file first changes a term already there (its row locked), then adds
     * one, which waits at the end of the table where another transaction, heavier so that InnoDB
     * picks the import as its victim, holds the gap and then asks for that term's row.
     */
    @Test
    void anImportJobThatLosesADeadlockIsRunAgainFromItsFirstEntry() throws Exception {
        String term = "再試行" + UUID.randomUUID().toString().substring(0, 6);
        Http.Response first = editor.http().post("/api/v1/glossary/import", "application/x-tbx+xml",
                tbx(entry("PAR", term + "1", "retried")).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, first.status(), first.body());
        long existing = db.count("SELECT id FROM glossary_term WHERE term_ja = ?", term + "1");
        String file = tbx(entry("PAR", term + "1", "retried").replace("</admin>", "</admin><note>a new note</note>")
                + entry("PAR", term + "2", "retried too"));
        db.update("CREATE TABLE IF NOT EXISTS ballast (id INT PRIMARY KEY)");
        String location;
        String url = ctx.getProperty("datasources.default.url", String.class).orElseThrow();
        try (Connection other = DriverManager.getConnection(url, "root", "")) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO ballast SELECT seq FROM seq_1_to_2000");
                s.executeQuery("SELECT id FROM glossary_term WHERE id > (SELECT MAX(id) FROM glossary_term) FOR UPDATE")
                        .close();
                Http.Response accepted = async(editor, "/api/v1/glossary/import", "application/x-tbx+xml", file);
                assertEquals(202, accepted.status(), accepted.body());
                location = accepted.header("Location");
                Await.until("the import waits at the table's end", Duration.ofSeconds(20), () -> db.count(
                        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE info LIKE 'INSERT INTO `glossary_term`%'")
                        > 0);
                s.executeQuery("SELECT id FROM glossary_term WHERE id = " + existing + " FOR UPDATE").close();
                s.executeUpdate("DELETE FROM ballast");
            }
            other.commit();
        }
        Map<String, Object> done = watch(editor.http(), location, j -> !Job.State.valueOf((String) j.get("state"))
                .live()).getLast();
        assertEquals("SUCCEEDED", done.get("state"), done.toString());
        assertEquals(Map.of("created", 1, "updated", 1, "unchanged", 0), done.get("result"));
        assertEquals(2L, number(done, "done"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM glossary_term WHERE term_ja = ? AND note = 'a new note'",
                term + "1"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM glossary_term WHERE term_ja = ?", term + "2"));
    }

    /** A job's database failures end it with the problem a client would get for them, not INTERNAL. */
    @Test
    void anImportJobThatLosesARaceForAUniqueKeyEndsWithTheProblemAClientWouldGet() throws Exception {
        String term = "競争" + UUID.randomUUID().toString().substring(0, 6);
        String location;
        String url = ctx.getProperty("datasources.default.url", String.class).orElseThrow();
        try (Connection other = DriverManager.getConnection(url, "root", "")) {
            other.setAutoCommit(false);
            try (PreparedStatement s = other.prepareStatement("INSERT INTO glossary_term (term_ja, term_en, scope,"
                    + " status, created_at, updated_at) VALUES (?, 'raced', 'PAR', 'PREFERRED', UTC_TIMESTAMP(6),"
                    + " UTC_TIMESTAMP(6))")) {
                s.setString(1, term);
                s.executeUpdate();
            }
            Http.Response accepted = async(editor, "/api/v1/glossary/import", "application/x-tbx+xml",
                    tbx(entry("PAR", term, "raced")));
            assertEquals(202, accepted.status(), accepted.body());
            location = accepted.header("Location");
            Await.until("the import waits for the other's key", Duration.ofSeconds(20), () -> db.count(
                    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE info LIKE 'INSERT INTO `glossary_term`%'")
                    > 0);
            other.commit();
        }
        Map<String, Object> done = watch(editor.http(), location, j -> !Job.State.valueOf((String) j.get("state"))
                .live()).getLast();
        assertEquals("FAILED", done.get("state"), done.toString());
        assertEquals("TERM_EXISTS", ((Map<?, ?>) done.get("error")).get("code"), done.toString());
        assertEquals(1, db.count("SELECT COUNT(*) FROM glossary_term WHERE term_ja = ?", term));
    }

    private static String tbx(String entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"ja\""
                + " xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>" + entries + "</body></text></tbx>";
    }

    private static String entry(String office, String ja, String en) {
        return "<conceptEntry id=\"" + UUID.randomUUID() + "\"><admin type=\"customerSubset\">" + office + "</admin>"
                + "<langSec xml:lang=\"ja\"><termSec><term>" + ja + "</term></termSec></langSec>"
                + "<langSec xml:lang=\"en\"><termSec><term>" + en + "</term></termSec></langSec></conceptEntry>";
    }

    @Test
    void moreJobsThanTheQueueHoldsAreRefusedWithTooManyRequestsAndTheRestFinish() throws Exception {
        List<String> queued = new ArrayList<>();
        try (Connection lock = locking("tm_unit")) {
            for (int i = 0; i < Jobs.WORKERS + Jobs.QUEUE; i++) {
                Http.Response r = async(editor, "/api/v1/tm/import", "application/xml", tmx(1, "満杯" + i));
                assertEquals(202, r.status(), r.body());
                queued.add(r.header("Location"));
            }
            assertProblem(async(editor, "/api/v1/tm/import", "application/xml", tmx(1, "溢れ")), 429,
                    "TOO_MANY_REQUESTS");
        }
        for (String location : queued) {
            watch(editor.http(), location, j -> "SUCCEEDED".equals(j.get("state")));
        }
    }

    @Test
    void rebuildingTheSearchIndexIsAJobWhileTheOldIndexKeepsAnswering() throws Exception {
        Fixtures.Created b = Fixtures.bulletin(editor.http(), "PAR", 3, false);
        IndexConsistencyTest.caughtUp(server);
        String title = (String) ((Map<?, ?>) ((Map<?, ?>) editor.http().get("/api/v1/pairs/" + b.pairIds().getFirst())
                .map().get("source"))).get("title");
        String search = "/api/v1/search?status=UNASSIGNED&q=" + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8);
        assertProblem(editor.http().post("/api/v1/indexes/search/rebuild", "application/json", new byte[0]), 403,
                "FORBIDDEN");
        assertProblem(admin.post("/api/v1/indexes/nothing/rebuild", "application/json", new byte[0]), 404,
                "NOT_FOUND");

        String location;
        try (Connection lock = locking("outbox_event")) {
            Http.Response accepted = admin.post("/api/v1/indexes/search/rebuild", "application/json", new byte[0]);
            assertEquals(202, accepted.status(), accepted.body());
            location = accepted.header("Location");
            watch(admin, location, j -> "RUNNING".equals(j.get("state")));
            Http.Response again = admin.post("/api/v1/indexes/search/rebuild", "application/json", new byte[0]);
            assertEquals(location, again.header("Location"), "one rebuild at a time: the running one");
            Http.Response meanwhile = editor.http().get(search);
            assertEquals(200, meanwhile.status(), meanwhile.body());
            assertTrue(meanwhile.body().contains(title), meanwhile.body());
        }
        Map<String, Object> done = watch(admin, location, j -> !"RUNNING".equals(j.get("state"))).getLast();
        assertEquals("SUCCEEDED", done.get("state"), done.toString());
        assertEquals("SEARCH_REBUILD", done.get("kind"));
        long pairs = db.count("SELECT COUNT(*) FROM doc_pair");
        assertEquals(pairs, number(done, "total"));
        assertEquals(pairs, ((Number) ((Map<?, ?>) done.get("result")).get("documents")).longValue());
        assertTrue(editor.http().get(search).body().contains(title));
    }

    @Test
    void theRebuildsTheIndexesStartThemselvesAreListedAsJobsOfTheSystem() throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            List<Map<String, Object>> jobs = json.readValue(admin.get("/api/v1/jobs?limit=100").body(),
                    io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class,
                            Object.class)));
            List<String> built = jobs.stream()
                    .filter(j -> "system".equals(j.get("startedBy")) && "SUCCEEDED".equals(j.get("state")))
                    .map(j -> ((Map<?, ?>) j.get("result")).get("index") + " as " + j.get("kind")).sorted().toList();
            if (built.equals(List.of("memory as MEMORY_REBUILD", "search as SEARCH_REBUILD"))) {
                return; // an empty data directory: both were built at start, from an empty database
            }
            assertTrue(Instant.now().isBefore(deadline), "both first builds listed: " + jobs);
            Thread.sleep(50);
        }
    }

    @Test
    void aLiveJobWhoseInstanceStoppedWritingReadsAsInterrupted() {
        db.update("INSERT INTO job (kind, state, started_by, instance, total, done, created_at, started_at, updated_at)"
                + " VALUES ('TBX_IMPORT', 'RUNNING', 'admin', 'gone@elsewhere', 10, 4, UTC_TIMESTAMP(6) - INTERVAL 5"
                + " MINUTE, UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE, UTC_TIMESTAMP(6) - INTERVAL 2 MINUTE)");
        long id = db.count("SELECT MAX(id) FROM job WHERE instance = 'gone@elsewhere'");
        Map<String, Object> j = admin.get("/api/v1/jobs/" + id).map();
        assertEquals("FAILED", j.get("state"));
        assertEquals("JOB_INTERRUPTED", ((Map<?, ?>) j.get("error")).get("code"));
        assertEquals(40L, number(j, "percent"));
        assertNull(j.get("etaSeconds"));
    }
}
