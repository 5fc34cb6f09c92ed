package jp.kakehashi.glossary;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.support.AtOnce;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The glossary over HTTP: keeping terms, finding them on tokens, QA, search expansion, TBX. */
@MicronautTest(transactional = false)
class GlossaryApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Staffing staffing;
    Person hq;
    Person paris;
    Person translator;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kakehashi.search.poll-interval", "100ms");
    }

    @BeforeAll
    void setUp() {
        staffing = new Staffing(new Http(server, json));
        hq = staffing.editor("TYO");
        paris = staffing.editor("PAR");
        translator = staffing.translator("PAR");
    }

    private Http.Response term(Person who, String ja, String en, String office, String status) {
        Map<String, Object> body = new HashMap<>(Map.of("termJa", ja, "termEn", en, "status", status));
        if (office != null) {
            body.put("office", office);
        }
        return who.http().postJson("/api/v1/glossary", body);
    }

    private long pair(String ja, String en) {
        Map<String, Object> p = new HashMap<>(Map.of("office", "PAR", "sourceLang", "ja",
                "source", Map.of("title", "記事 " + UUID.randomUUID(), "body", ja)));
        if (en != null) {
            p.put("target", Map.of("title", "Item", "body", en));
        }
        return Fixtures.created(paris.http().postJson("/api/v1/bulletins", Map.of("titleJa", "用語集試験 "
                + UUID.randomUUID(), "publishedOn", "2026-11-22", "pairs", List.of(p)))).pairIds().getFirst();
    }

    @Test
    void termsAreFoundOnTokensSoACompoundContainsItsPartsButTokyoDoesNotContainKyoto() {
        assertEquals(201, term(hq, "姉妹都市", "sister city", null, "PREFERRED").status());
        assertEquals(201, term(hq, "京都", "Kyoto", null, "PREFERRED").status());
        long id = pair("白河市は姉妹都市提携を結び、東京都の職員も出席した。", null);
        List<?> hits = (List<?>) paris.http().get("/api/v1/pairs/" + id + "/terms").map().get("source");
        assertEquals(1, hits.size(), hits.toString());
        Map<?, ?> hit = (Map<?, ?>) hits.getFirst();
        assertEquals("姉妹都市", hit.get("text"));
        assertEquals(4, ((Number) hit.get("start")).intValue());
        assertEquals(8, ((Number) hit.get("end")).intValue());
    }

    @Test
    void aForbiddenTermBlocksSubmitAndAMissingPreferredTermOnlyWarns() {
        assertEquals(201, term(paris, "市民交流", "citizens' exchange", "PAR", "PREFERRED").status());
        assertEquals(201, term(paris, "市民交流", "people-to-people exchange", "PAR", "FORBIDDEN").status());
        long id = pair("市民交流の催しが開かれた。", null);
        Http t = translator.http();
        Http.Response claimed = t.postJson("/api/v1/pairs/" + id + "/claim", Map.of());
        Http.Response saved = t.write("PUT", "/api/v1/pairs/" + id + "/target",
                Map.of("title", "Event", "body", "A people-to-people exchange event was held."), claimed.header("ETag"));
        assertEquals(200, saved.status(), saved.body());
        Map<String, Object> qa = t.get("/api/v1/pairs/" + id + "/qa").map();
        assertEquals(true, qa.get("blocking"), qa.toString());
        assertTrue(qa.toString().contains("TERM_FORBIDDEN") && qa.toString().contains("TERM_MISSING"), qa.toString());
        Http.Response refused = t.write("POST", "/api/v1/pairs/" + id + "/submit", Map.of(), saved.header("ETag"));
        assertProblem(refused, 422, "QA_FAILED");
        assertTrue(refused.body().contains("TERM_FORBIDDEN"), refused.body());

        Http.Response fixed = t.write("PUT", "/api/v1/pairs/" + id + "/target",
                Map.of("title", "Event", "body", "A citizens' exchange event was held."), saved.header("ETag"));
        assertFalse(t.get("/api/v1/pairs/" + id + "/qa").body().contains("TERM_"), "the preferred term is used");
        assertEquals(200, t.write("POST", "/api/v1/pairs/" + id + "/submit", Map.of(), fixed.header("ETag")).status());
    }

    @Test
    void whoKeepsWhichTermsAndBadInputAreRefusedClearly() {
        assertProblem(term(translator, "物産展", "products fair", "PAR", "PREFERRED"), 403, "FORBIDDEN");
        assertProblem(term(paris, "物産展", "products fair", null, "PREFERRED"), 403, "FORBIDDEN");
        Http.Response created = term(paris, "物産展", "products fair", "PAR", "PREFERRED");
        assertEquals(201, created.status(), created.body());
        assertProblem(term(paris, "物産展", "products fair", "PAR", "PREFERRED"), 409, "TERM_EXISTS");
        assertProblem(term(paris, " ", "x", "PAR", "PREFERRED"), 422, "VALIDATION_FAILED");
        assertProblem(term(paris, "あ".repeat(201), "x", "PAR", "PREFERRED"), 422, "FIELD_TOO_LONG");
        assertProblem(term(paris, "物産", "fair", "XXX", "PREFERRED"), 422, "UNKNOWN_OFFICE");
        assertProblem(term(paris, "物産", "fair", "PAR", "MAYBE"), 422, "VALIDATION_FAILED");

        String path = "/api/v1/glossary/" + created.map().get("id");
        Map<String, Object> change = Map.of("termJa", "物産展", "termEn", "local products fair", "office", "PAR");
        assertProblem(paris.http().write("PUT", path, change, null), 428, "PRECONDITION_REQUIRED");
        Http.Response updated = paris.http().write("PUT", path, change, created.header("ETag"));
        assertEquals(200, updated.status(), updated.body());
        assertProblem(paris.http().write("PUT", path, change, created.header("ETag")), 412, "PRECONDITION_FAILED");
        Person london = staffing.editor("LON");
        assertProblem(london.http().send(HttpRequest.newBuilder(london.http().base().resolve(path)).DELETE()),
                403, "FORBIDDEN");
        assertEquals(204, paris.http().send(HttpRequest.newBuilder(paris.http().base().resolve(path)).DELETE()).status());
        assertProblem(paris.http().get(path), 404, "NOT_FOUND");
    }

    @Test
    void aNewGlossaryTermWidensCrossLanguageSearchAtOnce() throws InterruptedException {
        String tag = "Zephyrwidget" + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "");
        pair("新しい製品を紹介した。", "The " + tag + " kit was introduced.");
        String q = "/api/v1/search?q=" + URLEncoder.encode("架け橋キット", StandardCharsets.UTF_8);
        awaitSearchable(tag);
        assertEquals(0, total(q), "no term yet: the Japanese query has nothing to match");
        assertEquals(201, term(hq, "架け橋キット", tag + " kit", null, "PREFERRED").status());
        assertEquals(1, total(q), "the glossary's English side is searched for the Japanese query");
    }

    @Test
    void theGlossaryGoesOutAsTbxAndComesBackAndHostileFilesChangeNothing() {
        assertEquals(201, term(paris, "伝統工芸", "traditional crafts", "PAR", "PREFERRED").status());
        Http.Response tbx = paris.http().get("/api/v1/glossary/export.tbx");
        assertEquals(200, tbx.status());
        assertTrue(tbx.contentType().startsWith("application/x-tbx+xml"), tbx.contentType());
        assertTrue(tbx.body().contains("<term>伝統工芸</term>"), tbx.body());
        int before = count();
        Http.Response again = paris.http().post("/api/v1/glossary/import", "application/x-tbx+xml",
                tbx.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, again.status(), again.body());
        assertEquals(0, ((Number) again.map().get("created")).intValue(), again.body());
        String added = tbx.body().replace("<term>伝統工芸</term>", "<term>伝統芸能</term>")
                .replace("<term>traditional crafts</term>", "<term>traditional performing arts</term>");
        Http.Response imported = paris.http().post("/api/v1/glossary/import", "application/xml",
                added.getBytes(StandardCharsets.UTF_8));
        assertTrue(((Number) imported.map().get("created")).intValue() >= 1, imported.body());
        int after = count();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE tbx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><tbx>&x;</tbx>";
        assertProblem(paris.http().post("/api/v1/glossary/import", "application/xml", xxe.getBytes(StandardCharsets.UTF_8)),
                400, "INVALID_XML");
        // an undeclared entity after a real one was read as the text "null" and stored (&lt;null);
        // a <tbx> of another namespace was read as TBX; an unknown status as "preferred"
        String[][] refused = {{"<term>&amp;lt;&nope;</term>", "<term>民俗芸能</term>", "400", "INVALID_XML"},
                {"urn:evil", "urn:iso:std:iso:30042:ed-2", "400", "INVALID_XML"},
                {"mostlyPreferred", "preferredTerm-admn-sts", "422", "VALIDATION_FAILED"}};
        for (String[] c : refused) {
            String hostile = added.replace("<term>伝統芸能</term>", "<term>民俗芸能</term>").replace(c[1], c[0]);
            assertProblem(paris.http().post("/api/v1/glossary/import", "application/xml",
                    hostile.getBytes(StandardCharsets.UTF_8)), Integer.parseInt(c[2]), c[3]);
        }
        String otherOffice = added.replace("<term>伝統芸能</term>", "<term>郷土芸能</term>")
                .replace("customerSubset\">PAR", "customerSubset\">LON");
        assertProblem(paris.http().post("/api/v1/glossary/import", "application/xml",
                otherOffice.getBytes(StandardCharsets.UTF_8)), 403, "FORBIDDEN");
        assertEquals(after, count(), "a refused file changes nothing, not even its allowed entries");
        assertTrue(after > before);
    }

    /**
     * The import looks a term up before it inserts it, outside any lock: the same new file sent
     * several times at once must still create each term once, and a file that lost the race is
     * refused whole (409), not answered with an internal error.
     */
    @Test
    void theSameNewFileImportedSeveralTimesAtOnceCreatesEachTermOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, term(paris, "郷土料理" + run, "local cuisine " + run, "PAR", "PREFERRED").status());
        assertEquals(201, term(paris, "地場産業" + run, "local industry " + run, "PAR", "PREFERRED").status());
        String tbx = paris.http().get("/api/v1/glossary/export.tbx").body();
        for (String id : List.of(first(paris, "郷土料理" + run), first(paris, "地場産業" + run))) {
            assertEquals(204, paris.http().send(HttpRequest.newBuilder(paris.http().base().resolve(
                    "/api/v1/glossary/" + id)).DELETE()).status());
        }
        int before = count();
        List<Http.Response> answers = AtOnce.send(6, i -> paris.http().post("/api/v1/glossary/import",
                "application/xml", tbx.getBytes(StandardCharsets.UTF_8)));
        int created = 0;
        for (Http.Response r : answers) {
            if (r.status() == 200) {
                created += ((Number) r.map().get("created")).intValue();
            } else {
                assertProblem(r, 409, "TERM_EXISTS");
            }
        }
        assertEquals(2, created, answers.toString());
        assertEquals(before + 2, count());
        List<Http.Response> same = AtOnce.send(6, i -> term(paris, "郷土芸能" + run, "folk arts " + run, "PAR",
                "PREFERRED"));
        assertEquals(1, same.stream().filter(r -> r.status() == 201).count(), same.toString());
        same.stream().filter(r -> r.status() != 201).forEach(r -> assertProblem(r, 409, "TERM_EXISTS"));
    }

    private static String first(Person who, String q) {
        List<?> items = (List<?>) who.http().get("/api/v1/glossary?q=" + URLEncoder.encode(q,
                StandardCharsets.UTF_8)).map().get("terms");
        return String.valueOf(((Map<?, ?>) items.getFirst()).get("id"));
    }

    private int count() {
        return ((Number) paris.http().get("/api/v1/glossary?size=1").map().get("total")).intValue();
    }

    private long total(String path) {
        return ((Number) hq.http().get(path).map().get("total")).longValue();
    }

    private void awaitSearchable(String word) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (total("/api/v1/search?q=" + word) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(1, total("/api/v1/search?q=" + word));
    }
}
