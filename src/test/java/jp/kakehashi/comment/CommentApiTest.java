package jp.kakehashi.comment;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A pair's comment thread: staff write, mention, correct and delete; readers never see it. */
@MicronautTest(transactional = false)
class CommentApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    Person editor;
    Person londonTranslator;
    Person parisTranslator;
    Http anonymous;
    Db db;

    @BeforeAll
    void setUp() {
        Staffing staffing = new Staffing(new Http(server, json));
        editor = staffing.editor("PAR");
        londonTranslator = staffing.translator("LON");
        parisTranslator = staffing.translator("PAR");
        anonymous = new Http(server, json);
        db = new Db(dataSource);
    }

    private long pair() {
        return Fixtures.bulletin(editor.http(), "PAR", 1, false).pairIds().getFirst();
    }

    private static String comments(long pair) {
        return "/api/v1/pairs/" + pair + "/comments";
    }

    private Http.Response add(Person who, long pair, Map<String, Object> body) {
        return who.http().postJson(comments(pair), body);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> thread(Person who, long pair) throws Exception {
        Http.Response r = who.http().get(comments(pair));
        assertEquals(200, r.status(), r.body());
        return json.readValue(r.body(), io.micronaut.core.type.Argument.listOf(
                io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void staffOfAnyOfficeCommentAndNameColleaguesWhoExist() throws Exception {
        long pair = pair();
        String text = "@" + editor.username() + " この「姉妹都市」は Sister City でよいですか? https://example.org/terms."
                + " cc @nobody-" + UUID.randomUUID() + " and mail@" + editor.username();
        Http.Response r = add(londonTranslator, pair, Map.of("body", text));
        assertEquals(201, r.status(), r.body());
        assertEquals(comments(pair) + "/" + r.map().get("id"), r.header("Location"));
        assertEquals(List.of(editor.username()), r.map().get("mentions"), "known names, once, not an address");
        Http.Response onSentence = add(editor, pair, Map.of("body", "二文目の訳語", "segment", 1));
        assertEquals(201, onSentence.status(), onSentence.body());

        List<Map<String, Object>> thread = thread(parisTranslator, pair);
        assertEquals(2, thread.size());
        assertEquals(text, thread.get(0).get("body"));
        assertEquals(londonTranslator.username(), thread.get(0).get("author"));
        assertEquals(1, ((Number) thread.get(1).get("segment")).intValue());
        assertEquals(false, thread.get(0).get("mayEdit"), "only its author corrects it");
        Http.Response history = editor.http().get("/api/v1/pairs/" + pair + "/history");
        assertTrue(history.body().contains("\"action\":\"comment\""), history.body());
        assertTrue(history.body().contains("二文目の訳語"), "the history shows what was said");
    }

    @Test
    void readersNeverSeeAComment() throws Exception {
        var b = Fixtures.bulletin(editor.http(), "PAR", 1, false);
        long pair = b.pairIds().getFirst();
        String secret = "内部メモ " + UUID.randomUUID();
        assertEquals(201, add(editor, pair, Map.of("body", secret)).status());
        assertEquals(200, editor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release-source", Map.of())
                .status());
        assertProblem(anonymous.get(comments(pair)), 401, "UNAUTHORIZED");
        assertProblem(anonymous.postJson(comments(pair), Map.of("body", "x")), 401, "UNAUTHORIZED");
        for (String path : List.of("/api/v1/pairs/" + pair, "/api/v1/bulletins/" + b.bulletinId(),
                "/bulletins/" + b.bulletinId(), "/api/v1/pairs/" + pair + "/history")) {
            Http.Response r = anonymous.get(path);
            assertFalse(r.body().contains(secret), path + " shows a comment to a reader");
        }
    }

    @Test
    void anAuthorCorrectsACommentOnlyWhileItIsFresh() throws Exception {
        long pair = pair();
        Http.Response r = add(parisTranslator, pair, Map.of("body", "訳語を確認中"));
        String at = comments(pair) + "/" + r.map().get("id");
        String etag = r.header("ETag");
        assertProblem(parisTranslator.http().write("PUT", at, Map.of("body", "x"), null), 428, "PRECONDITION_REQUIRED");
        assertProblem(editor.http().write("PUT", at, Map.of("body", "x"), etag), 403, "FORBIDDEN");
        Http.Response edited = parisTranslator.http().write("PUT", at, Map.of("body", "訳語を確認しました"), etag);
        assertEquals(200, edited.status(), edited.body());
        assertNotNull(edited.map().get("editedAt"));
        assertProblem(parisTranslator.http().write("PUT", at, Map.of("body", "y"), etag), 412, "PRECONDITION_FAILED");

        db.update("UPDATE pair_comment SET created_at = created_at - INTERVAL 20 MINUTE WHERE id = ?", r.map().get("id"));
        assertProblem(parisTranslator.http().write("PUT", at, Map.of("body", "z"), edited.header("ETag")), 403,
                "FORBIDDEN");
        Map<String, Object> shown = thread(parisTranslator, pair).getFirst();
        assertEquals("訳語を確認しました", shown.get("body"));
        assertEquals(false, shown.get("mayEdit"));
        assertEquals(false, shown.get("mayDelete"), "too late for its author to take back");
    }

    @Test
    void theOfficesEditorsDeleteAnyCommentItsAuthorOnlyWhileFresh() throws Exception {
        long pair = pair();
        Http.Response mine = add(londonTranslator, pair, Map.of("body", "すぐ消すメモ"));
        assertEquals(204, londonTranslator.http().send(java.net.http.HttpRequest.newBuilder(
                londonTranslator.http().base().resolve(comments(pair) + "/" + mine.map().get("id"))).DELETE()).status());

        Http.Response old = add(londonTranslator, pair, Map.of("body", "古いメモ"));
        db.update("UPDATE pair_comment SET created_at = created_at - INTERVAL 1 HOUR WHERE id = ?", old.map().get("id"));
        String at = comments(pair) + "/" + old.map().get("id");
        assertProblem(delete(londonTranslator, at), 403, "FORBIDDEN");
        assertProblem(delete(parisTranslator, at), 403, "FORBIDDEN");
        assertEquals(204, delete(editor, at).status());
        assertProblem(delete(editor, at), 404, "NOT_FOUND");

        List<Map<String, Object>> thread = thread(parisTranslator, pair);
        assertEquals(2, thread.size(), "a deleted comment keeps its place");
        assertEquals("", thread.get(1).get("body"));
        assertEquals(editor.username(), thread.get(1).get("deletedBy"));
        assertFalse(parisTranslator.http().get(comments(pair)).body().contains("古いメモ"));
        assertTrue(editor.http().get("/api/v1/pairs/" + pair + "/history").body().contains("\"action\":\"comment_delete\""));
    }

    private static Http.Response delete(Person who, String path) {
        return who.http().send(java.net.http.HttpRequest.newBuilder(who.http().base().resolve(path)).DELETE());
    }

    @Test
    void aCommentIsTextOfBoundedLengthOnAPairThatExists() throws Exception {
        long pair = pair();
        assertProblem(add(editor, pair, Map.of("body", "  \n ")), 422, "VALIDATION_FAILED");
        assertProblem(add(editor, pair, Map.of("body", "あ".repeat(Comments.MAX_BODY + 1))), 422, "FIELD_TOO_LONG");
        assertProblem(add(editor, pair, Map.of("body", "x", "segment", -1)), 422, "VALIDATION_FAILED");
        assertProblem(add(editor, 999_999_999L, Map.of("body", "x")), 404, "NOT_FOUND");
        Http.Response bell = add(editor, pair, Map.of("body", "\u0007鐘\tの\n音<script>"));
        assertEquals(201, bell.status(), bell.body());
        assertEquals("鐘\tの\n音<script>", bell.map().get("body"), "controls but tab and line feed go; markup is text");
    }
}
