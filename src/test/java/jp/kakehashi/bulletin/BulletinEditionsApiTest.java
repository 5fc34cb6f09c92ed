package jp.kakehashi.bulletin;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A bulletin's originals published before their translations, and translations published item by item. */
@MicronautTest(transactional = false)
class BulletinEditionsApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    Db db;
    Http anonymous;
    Staffing staffing;
    Person translator;
    Person parisEditor;
    Person parisApprover;
    Person sydneyEditor;
    Person sydneyApprover;

    @BeforeAll
    void setUp() {
        db = new Db(dataSource);
        anonymous = new Http(server, json);
        staffing = new Staffing(anonymous);
        translator = staffing.translator("PAR");
        parisEditor = staffing.editor("PAR");
        parisApprover = staffing.editor("PAR");
        sydneyEditor = staffing.editor("SYD");
        sydneyApprover = staffing.editor("SYD");
    }

    static Http.Response releaseSource(Person p, long bulletin) {
        return p.http().postJson("/api/v1/bulletins/" + bulletin + "/release-source", Map.of());
    }

    static void ok(Http.Response r) {
        assertEquals(200, r.status(), r.body());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    /** lang → "released/items", from a bulletin view. */
    static Map<Object, String> editions(Map<String, Object> bulletin) {
        Map<Object, String> out = new java.util.TreeMap<>();
        for (Map<String, Object> e : list(bulletin, "editions")) {
            out.put(e.get("lang") + (Boolean.TRUE.equals(e.get("source")) ? "*" : ""),
                    e.get("released") + "/" + e.get("items"));
        }
        return out;
    }

    @Test
    void theOriginalsGoOutAloneAndReadersSeeTheTranslationInProgress() {
        var b = Fixtures.bulletin(parisEditor.http(), "PAR", 2, false);
        String path = "/api/v1/bulletins/" + b.bulletinId();
        assertProblem(anonymous.get(path), 404, "NOT_FOUND");
        assertProblem(releaseSource(translator, b.bulletinId()), 403, "FORBIDDEN");

        Http.Response released = releaseSource(parisEditor, b.bulletinId());
        ok(released);
        assertEquals("SOURCE_RELEASED", released.map().get("state"));
        assertNotNull(released.map().get("sourceReleasedAt"));
        assertNull(released.map().get("releasedAt"));
        assertEquals(Map.of("ja*", "2/2", "en", "0/2"), editions(released.map()));

        Map<String, Object> read = anonymous.get(path).map();
        assertEquals(2, list(read, "pairs").size());
        for (Map<String, Object> p : list(read, "pairs")) {
            assertNotNull(p.get("source"));
            assertNull(p.get("target"), "no translation is out yet");
        }
        assertEquals(200, anonymous.get("/api/v1/pairs/" + b.pairIds().getFirst()).status());
        List<Object> listed = list(anonymous.get("/api/v1/bulletins?size=100").map(), "items").stream()
                .map(i -> ((Number) i.get("id")).longValue()).map(Object.class::cast).toList();
        assertEquals(true, listed.contains(b.bulletinId()), "readers' list holds it");
        assertProblem(releaseSource(parisEditor, b.bulletinId()), 409, "WRONG_STATE");
        assertEquals(List.of("bulletin_release_source"), db.rows("SELECT action FROM audit_event"
                + " WHERE bulletin_id = ? AND pair_id IS NULL AND action LIKE 'bulletin_release%'", b.bulletinId())
                .stream().map(r -> r[0]).toList());
        assertProblem(parisEditor.http().postJson(path + "/withdraw", Map.of("reason", "x")), 409, "WRONG_STATE");
    }

    @Test
    void approvedTranslationsOfABulletinOfficeWaitForTheWholeBulletin() {
        var b = Fixtures.bulletin(parisEditor.http(), "PAR", 2, true);
        ok(releaseSource(parisEditor, b.bulletinId()));
        long first = b.pairIds().getFirst();
        ok(parisApprover.http().postJson("/api/v1/pairs/" + first + "/approve", Map.of()));
        assertEquals("APPROVED", parisEditor.http().get("/api/v1/pairs/" + first).map().get("status"));
        assertNull(anonymous.get("/api/v1/pairs/" + first).map().get("target"));
        assertProblem(parisEditor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release", Map.of()),
                409, "RELEASE_BLOCKED");

        ok(parisApprover.http().postJson("/api/v1/pairs/" + b.pairIds().get(1) + "/approve", Map.of()));
        Http.Response all = parisEditor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release", Map.of());
        ok(all);
        assertEquals("RELEASED", all.map().get("state"));
        assertEquals(Map.of("ja*", "2/2", "en", "2/2"), editions(all.map()));
        assertNotNull(anonymous.get("/api/v1/pairs/" + first).map().get("target"));
    }

    @Test
    void anOfficeReleasingItemByItemPublishesEachTranslationOnApproval() {
        Http admin = staffing.admin();
        ok(admin.write("PUT", "/api/v1/offices/SYD", Map.of("releaseMode", "ITEM"), null));
        try {
            var b = Fixtures.bulletin(sydneyEditor.http(), "SYD", 3, true);
            long first = b.pairIds().get(0);
            long second = b.pairIds().get(1);
            long third = b.pairIds().get(2);
            // approved before the originals are out: it waits, and goes out with them
            ok(sydneyApprover.http().postJson("/api/v1/pairs/" + first + "/approve", Map.of()));
            assertEquals("APPROVED", sydneyEditor.http().get("/api/v1/pairs/" + first).map().get("status"));
            Http.Response out = releaseSource(sydneyEditor, b.bulletinId());
            ok(out);
            assertEquals(Map.of("ja*", "3/3", "en", "1/3"), editions(out.map()));
            assertNotNull(anonymous.get("/api/v1/pairs/" + first).map().get("target"));
            assertNull(anonymous.get("/api/v1/pairs/" + second).map().get("target"));

            Http.Response approved = sydneyApprover.http().postJson("/api/v1/pairs/" + second + "/approve", Map.of());
            ok(approved);
            assertEquals("RELEASED", approved.map().get("status"), "published on approval");
            assertNotNull(anonymous.get("/api/v1/pairs/" + second).map().get("target"));
            assertEquals("SOURCE_RELEASED", anonymous.get("/api/v1/bulletins/" + b.bulletinId()).map().get("state"));

            ok(sydneyEditor.http().postJson("/api/v1/pairs/" + third + "/cancel", Map.of("reason", "dropped")));
            assertProblem(anonymous.get("/api/v1/pairs/" + third), 404, "NOT_FOUND");
            ok(sydneyEditor.http().postJson("/api/v1/pairs/" + third + "/reopen", Map.of()));
            assertProblem(anonymous.get("/api/v1/pairs/" + third), 404, "NOT_FOUND");
            ok(releaseSource(sydneyEditor, b.bulletinId()));
            assertEquals(200, anonymous.get("/api/v1/pairs/" + third).status(), "reopened, then out again");
            // dropped for good: nothing else waits, and releasing the bulletin completes it with nothing new
            ok(sydneyEditor.http().postJson("/api/v1/pairs/" + third + "/cancel", Map.of("reason", "dropped")));
            Http.Response complete = sydneyEditor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release",
                    Map.of());
            ok(complete);
            assertEquals("RELEASED", complete.map().get("state"));
            assertEquals(Map.of("ja*", "2/2", "en", "2/2"), editions(complete.map()));
            assertEquals(List.of("release_item", "release_item"), db.rows("SELECT action FROM audit_event"
                    + " WHERE bulletin_id = ? AND action = 'release_item' ORDER BY id", b.bulletinId())
                    .stream().map(r -> r[0]).toList());
        } finally {
            ok(admin.write("PUT", "/api/v1/offices/SYD", Map.of("releaseMode", "BULLETIN"), null));
        }
    }

    @Test
    void theLastApprovalOfAnItemByItemOfficeCompletesTheBulletin() {
        Http admin = staffing.admin();
        ok(admin.write("PUT", "/api/v1/offices/SYD", Map.of("releaseMode", "ITEM"), null));
        try {
            var b = Fixtures.bulletin(sydneyEditor.http(), "SYD", 1, true);
            ok(releaseSource(sydneyEditor, b.bulletinId()));
            ok(sydneyApprover.http().postJson("/api/v1/pairs/" + b.pairIds().getFirst() + "/approve", Map.of()));
            Map<String, Object> read = anonymous.get("/api/v1/bulletins/" + b.bulletinId()).map();
            assertEquals("RELEASED", read.get("state"));
            assertNotNull(read.get("releasedAt"));
            assertEquals(Map.of("ja*", "1/1", "en", "1/1"), editions(read));
        } finally {
            ok(admin.write("PUT", "/api/v1/offices/SYD", Map.of("releaseMode", "BULLETIN"), null));
        }
    }

    @Test
    void aCorrectedOriginalIsPublishedAtOnceAndARetractTakesBothEditionsBack() {
        var b = Fixtures.bulletin(parisEditor.http(), "PAR", 2, false);
        long first = b.pairIds().getFirst();
        ok(releaseSource(parisEditor, b.bulletinId()));
        Http.Response revised = parisEditor.http().write("PUT", "/api/v1/pairs/" + first + "/source",
                Map.of("title", "訂正された見出し", "body", "白河市の職員がロンドンを訪問した。", "change", "substantive"),
                Fixtures.etag(parisEditor.http(), first));
        ok(revised);
        Map<String, Object> read = anonymous.get("/api/v1/pairs/" + first).map();
        assertEquals("訂正された見出し", ((Map<?, ?>) read.get("source")).get("title"));
        assertEquals(false, read.get("sourceUpdated"), "no published translation lags behind it");

        ok(parisEditor.http().postJson("/api/v1/pairs/" + b.pairIds().get(1) + "/cancel", Map.of("reason", "dup")));
        assertEquals(1, list(anonymous.get("/api/v1/bulletins/" + b.bulletinId()).map(), "pairs").size());

        assertProblem(parisEditor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/retract", Map.of()),
                422, "REASON_REQUIRED");
        Http.Response retracted = parisEditor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/retract",
                Map.of("reason", "published too early"));
        ok(retracted);
        assertEquals("DRAFT", retracted.map().get("state"));
        assertProblem(anonymous.get("/api/v1/bulletins/" + b.bulletinId()), 404, "NOT_FOUND");
        assertProblem(anonymous.get("/api/v1/pairs/" + first), 404, "NOT_FOUND");
        assertEquals(0, db.count("SELECT COUNT(*) FROM doc_pair WHERE bulletin_id = ?"
                + " AND released_source_revision IS NOT NULL", b.bulletinId()));
    }

    @Test
    void anUnknownReleaseModeIsRefused() throws java.io.IOException {
        Http.Response r = staffing.admin().write("PUT", "/api/v1/offices/SYD", Map.of("releaseMode", "SOMETIMES"),
                null);
        assertEquals(400, r.status(), r.body());
        List<Map> offices = json.readValue(anonymous.get("/api/v1/offices").body(),
                io.micronaut.core.type.Argument.listOf(Map.class));
        assertEquals("BULLETIN", offices.stream().filter(o -> "SYD".equals(o.get("code")))
                .findFirst().orElseThrow().get("releaseMode"));
    }
}
