package jp.kakehashi.exchange;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A pair goes out as XLIFF for an offline CAT tool and its translation comes back as the draft. */
@MicronautTest(transactional = false)
class XliffApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Person editor;
    Person translator;
    Person other;

    @BeforeAll
    void setUp() {
        Staffing staffing = new Staffing(new Http(server, json));
        editor = staffing.editor("PAR");
        translator = staffing.translator("PAR");
        other = staffing.translator("PAR");
    }

    private long pair() {
        Map<String, Object> p = Map.of("office", "PAR", "sourceLang", "ja", "source", Map.of("title",
                "白河だるま " + UUID.randomUUID(), "body", "白河市の職員がパリを訪問した。「ようこそ。」と市長は述べた。"));
        return Fixtures.created(editor.http().postJson("/api/v1/bulletins", Map.of("titleJa", "XLIFF試験 "
                + UUID.randomUUID(), "publishedOn", "2026-11-22", "pairs", List.of(p)))).pairIds().getFirst();
    }

    private static Http.Response send(Person who, long id, String xliff) {
        return who.http().post("/api/v1/pairs/" + id + "/xliff", XliffFormat.MEDIA_TYPE, xliff.getBytes(StandardCharsets.UTF_8));
    }

    /** What a CAT tool does: fill each segment's target. */
    private static String translate(String exported) {
        return exported.replace("</source></segment>", "</source><target>T</target></segment>")
                .replaceFirst("<target>T</target>", "<target>Shirakawa daruma</target>")
                .replaceFirst("<target>T</target>", "<target>Staff of Shirakawa City visited Paris. </target>")
                .replaceFirst("<target>T</target>", "<target>\"Welcome,\" said the mayor.</target>");
    }

    @Test
    void aTranslatedFileComesBackAsTheHoldersDraft() {
        long id = pair();
        Http.Response exported = translator.http().get("/api/v1/pairs/" + id + "/xliff");
        assertEquals(200, exported.status(), exported.body());
        assertTrue(exported.contentType().startsWith(XliffFormat.MEDIA_TYPE), exported.contentType());
        assertTrue(exported.body().contains("<source>「ようこそ。」と市長は述べた。</source>"), exported.body());
        String translated = translate(exported.body());

        assertProblem(send(translator, id, translated), 409, "WRONG_STATE");
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/claim", Map.of()).status());
        assertProblem(send(other, id, translated), 423, "LOCKED");
        Http.Response saved = send(translator, id, translated);
        assertEquals(200, saved.status(), saved.body());
        Map<?, ?> target = (Map<?, ?>) translator.http().get("/api/v1/pairs/" + id).map().get("target");
        assertEquals("Shirakawa daruma", target.get("title"));
        assertEquals("Staff of Shirakawa City visited Paris. \"Welcome,\" said the mayor.", target.get("body"));
        assertEquals(List.of("0=0", "1=1"), target.get("links"), "read back by segment id, not realigned");
    }

    @Test
    void aMergeTheTranslatorMadeGoesOutAsOneSegmentAndComesBackByItsId() {
        long id = pair();
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/claim", Map.of()).status());
        Http.Response merged = translator.http().write("PUT", "/api/v1/pairs/" + id + "/target", Map.of("title",
                "Daruma", "segments", List.of(Map.of("sources", "0+1", "text",
                        "Shirakawa staff visited Paris and the mayor said welcome."))), Fixtures.etag(translator.http(), id));
        assertEquals(200, merged.status(), merged.body());
        String exported = translator.http().get("/api/v1/pairs/" + id + "/xliff").body();
        assertTrue(exported.contains("<segment id=\"s0-1\" canResegment=\"no\""), exported);
        // the CAT tool rewrites the merged segment's translation as two sentences
        String edited = exported.replace("Shirakawa staff visited Paris and the mayor said welcome.",
                "Shirakawa staff visited Paris. The mayor welcomed them.");
        assertEquals(200, send(translator, id, edited).status());
        Map<?, ?> target = (Map<?, ?>) translator.http().get("/api/v1/pairs/" + id).map().get("target");
        assertEquals("Shirakawa staff visited Paris. The mayor welcomed them.", target.get("body"));
        assertEquals(List.of("0+1=0+1"), target.get("links"), "still one link, as the file's segment said");
    }

    /**
     * An import is a save, under the save's rule: an editor of the office may save over a claimed
     * pair's draft (as with PUT /target) without taking the claim, and the holder keeps it.
     */
    @Test
    void anEditorOfTheOfficeMayImportOverAClaimedPairAndTheClaimStays() {
        long id = pair();
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/claim", Map.of()).status());
        Http.Response saved = send(editor, id, translate(editor.http().get("/api/v1/pairs/" + id + "/xliff").body()));
        assertEquals(200, saved.status(), saved.body());
        Map<String, Object> pair = translator.http().get("/api/v1/pairs/" + id).map();
        assertEquals("Shirakawa daruma", ((Map<?, ?>) pair.get("target")).get("title"));
        assertEquals(translator.username(), pair.get("assignee"), "the translator still holds the claim");
    }

    /** A file whose title unit has no target blanked the draft's title without a word. */
    @Test
    void aFileThatLeavesTheTitleUntranslatedIsRefusedAndTheDraftTitleKept() {
        long id = pair();
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/claim", Map.of()).status());
        String exported = translator.http().get("/api/v1/pairs/" + id + "/xliff").body();
        assertEquals(200, send(translator, id, translate(exported)).status());
        String noTitle = translate(exported).replaceFirst("<target>Shirakawa daruma</target>", "");
        Http.Response refused = send(translator, id, noTitle);
        assertProblem(refused, 422, "VALIDATION_FAILED");
        assertEquals("title", refused.map().get("field"));
        Map<?, ?> target = (Map<?, ?>) translator.http().get("/api/v1/pairs/" + id).map().get("target");
        assertEquals("Shirakawa daruma", target.get("title"), "the draft is as it was");
    }

    @Test
    void aFileForAnotherPairOrAnOlderSourceOrHostileXmlChangesNothing() {
        long id = pair();
        long otherPair = pair();
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/claim", Map.of()).status());
        String translated = translate(translator.http().get("/api/v1/pairs/" + id + "/xliff").body());
        assertProblem(send(translator, otherPair, translated), 422, "XLIFF_MISMATCH");
        String older = translated.replace(":source-revision:1\"", ":source-revision:0\"");
        assertProblem(send(translator, id, older), 409, "SOURCE_CHANGED");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + translated.substring(translated.indexOf("<xliff")).replace("Shirakawa daruma", "&e;");
        assertProblem(send(translator, id, xxe), 400, "INVALID_XML");
        assertProblem(send(translator, id, "<xliff"), 400, "INVALID_XML");
        assertEquals(null, translator.http().get("/api/v1/pairs/" + id).map().get("target"), "nothing was saved");
    }

    /** Every segment of every file given a target, as a CAT tool leaves a whole bulletin's file. */
    private static String translateAll(String exported) {
        return exported.replace("</source></segment>", "</source><target>Translated.</target></segment>");
    }

    @Test
    void aBulletinsFileSavesTheItemsTheSenderHoldsAtOnceAndListsTheRest() {
        var b = Fixtures.bulletin(editor.http(), "PAR", 3, false);
        long first = b.pairIds().get(0);
        long second = b.pairIds().get(1);
        long third = b.pairIds().get(2);
        for (long id : List.of(first, second)) {
            assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/claim", Map.of()).status());
        }
        assertEquals(200, other.http().postJson("/api/v1/pairs/" + third + "/claim", Map.of()).status());
        Http.Response exported = translator.http().get("/api/v1/bulletins/" + b.bulletinId() + "/xliff");
        assertEquals(200, exported.status(), exported.body());
        String translated = translateAll(exported.body());
        String path = "/api/v1/bulletins/" + b.bulletinId() + "/xliff";

        // one item made from an older source refuses the whole file: nothing is saved
        int second2 = translated.indexOf(":source-revision:1\"", translated.indexOf(":source-revision:1\"") + 1);
        String stale = translated.substring(0, second2) + ":source-revision:0\"" + translated.substring(second2 + 19);
        assertProblem(translator.http().post(path, XliffFormat.MEDIA_TYPE, stale.getBytes(StandardCharsets.UTF_8)),
                409, "SOURCE_CHANGED");
        assertEquals(null, translator.http().get("/api/v1/pairs/" + first).map().get("target"), "all or nothing");

        Http.Response saved = translator.http().post(path, XliffFormat.MEDIA_TYPE,
                translated.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, saved.status(), saved.body());
        assertEquals(2, ((List<?>) saved.map().get("saved")).size());
        assertEquals(List.of(Map.of("pairId", third, "reason", "NOT_YOURS")), ((List<?>) saved.map().get("skipped"))
                .stream().map(m -> Map.of("pairId", ((Number) ((Map<?, ?>) m).get("pairId")).longValue(),
                        "reason", ((Map<?, ?>) m).get("reason"))).toList());
        for (long id : List.of(first, second)) {
            Map<?, ?> target = (Map<?, ?>) translator.http().get("/api/v1/pairs/" + id).map().get("target");
            assertEquals("Translated.", target.get("title"));
        }
        assertEquals(null, translator.http().get("/api/v1/pairs/" + third).map().get("target"));

        // the other holder's file with nothing of theirs translated saves nothing and says so
        String untouched = other.http().get("/api/v1/bulletins/" + b.bulletinId() + "/xliff").body();
        assertProblem(other.http().post(path, XliffFormat.MEDIA_TYPE, untouched.getBytes(StandardCharsets.UTF_8)),
                422, "XLIFF_MISMATCH");
        long foreign = pair();
        String alien = translateAll(editor.http().get("/api/v1/pairs/" + foreign + "/xliff").body());
        assertProblem(translator.http().post(path, XliffFormat.MEDIA_TYPE, alien.getBytes(StandardCharsets.UTF_8)),
                422, "XLIFF_MISMATCH");
    }
}
