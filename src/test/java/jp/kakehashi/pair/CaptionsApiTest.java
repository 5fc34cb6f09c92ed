package jp.kakehashi.pair;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.kakehashi.exchange.XliffFormat;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Photo captions are translated like the text: in drafts, in XLIFF, in the memory and on the reader's page. */
@MicronautTest(transactional = false)
class CaptionsApiTest extends ServiceTest {
    private static final String DARUMA = "写真：白河だるまを手にする市長";
    private static final String VENUE = "写真：会場の様子";
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

    @SuppressWarnings("unchecked")
    private Map<String, Object> target(long id) {
        return (Map<String, Object>) translator.http().get("/api/v1/pairs/" + id).map().get("target");
    }

    private Http.Response save(long id, Map<String, Object> draft) {
        return translator.http().write("PUT", "/api/v1/pairs/" + id + "/target", draft,
                Fixtures.etag(translator.http(), id));
    }

    @Test
    void captionsAreDraftedExchangedRememberedAndShownToReaders() throws InterruptedException {
        Map<String, Object> p = Map.of("office", "PAR", "sourceLang", "ja", "source", Map.of("title", "だるま",
                "body", "白河市長がパリを訪れた。", "captions", List.of(DARUMA, VENUE)));
        Fixtures.Created b = Fixtures.created(editor.http().postJson("/api/v1/bulletins", Map.of("titleJa",
                "キャプション試験", "publishedOn", "2026-11-22", "pairs", List.of(p))));
        long id = b.pairIds().getFirst();
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/claim", Map.of()).status());

        Http.Response first = save(id, Map.of("title", "Daruma", "body", "The Mayor of Shirakawa visited Paris.",
                "captions", List.of("Photo: the mayor holding a Shirakawa daruma")));
        assertEquals(200, first.status(), first.body());
        assertEquals(List.of("Photo: the mayor holding a Shirakawa daruma"), target(id).get("captions"));
        String etag = Fixtures.etag(translator.http(), id);
        assertProblem(save(id, Map.of("title", "Daruma", "body", "x", "captions", List.of("a", "b", "c"))), 422,
                "VALIDATION_FAILED");
        assertEquals(etag, Fixtures.etag(translator.http(), id), "nothing saved for three captions of two");
        // someone else's claim is refused as such before the captions are looked at
        assertProblem(other.http().write("PUT", "/api/v1/pairs/" + id + "/target", Map.of("title", "x", "body", "x",
                "captions", List.of("a", "b", "c")), etag), 423, "LOCKED");
        assertEquals(200, save(id, Map.of("title", "Daruma", "body", "The Mayor of Shirakawa visited Paris."))
                .status());
        assertEquals(List.of("Photo: the mayor holding a Shirakawa daruma"), target(id).get("captions"),
                "a save without captions keeps the draft's");

        String xliff = translator.http().get("/api/v1/pairs/" + id + "/xliff").body();
        assertTrue(xliff.contains("<unit id=\"caption-1\"><segment id=\"caption-1-1\" state=\"initial\">"
                + "<source>" + DARUMA + "</source><target>Photo: the mayor holding a Shirakawa daruma</target>"), xliff);
        assertTrue(xliff.contains("<unit id=\"caption-2\">") && xliff.contains("<source>" + VENUE + "</source></segment>"),
                xliff);
        String translated = xliff.replace("<source>" + VENUE + "</source></segment>",
                "<source>" + VENUE + "</source><target>Photo: the venue</target></segment>");
        Http.Response back = translator.http().post("/api/v1/pairs/" + id + "/xliff", XliffFormat.MEDIA_TYPE,
                translated.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, back.status(), back.body());
        assertEquals(List.of("Photo: the mayor holding a Shirakawa daruma", "Photo: the venue"), target(id).get("captions"));

        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/submit", Map.of()).status());
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + id + "/approve", Map.of()).status());
        assertEquals(200, editor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release", Map.of()).status());
        String page = new Http(server, json).get("/bulletins/" + b.bulletinId()).body();
        assertTrue(page.contains("Photo: the venue") && page.contains(VENUE), page);

        long until = System.nanoTime() + 15_000_000_000L;
        List<?> matches = List.of();
        while (matches.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(100);
            matches = (List<?>) translator.http().get("/api/v1/tm/lookup?lang=ja&text="
                    + URLEncoder.encode(VENUE, StandardCharsets.UTF_8)).map().get("matches");
        }
        assertTrue(!matches.isEmpty() && matches.toString().contains("Photo: the venue"), matches.toString());
    }
}
