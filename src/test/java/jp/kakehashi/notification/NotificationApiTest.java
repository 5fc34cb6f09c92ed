package jp.kakehashi.notification;

import static jp.kakehashi.support.Problem.assertInvalidParameter;
import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What people are told: their work sent back, approved, taken over or assigned, their name in a comment. */
@MicronautTest(transactional = false)
class NotificationApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Staffing staffing;
    Person editor;

    @BeforeAll
    void setUp() {
        staffing = new Staffing(new Http(server, json));
        editor = staffing.editor("SEL");
    }

    private long submitted(Person translator) {
        long pair = Fixtures.bulletin(editor.http(), "SEL", 1, false).pairIds().getFirst();
        Fixtures.submitted(translator.http(), pair, "Seoul", "Staff of Shirakawa City visited Paris.");
        return pair;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Http.Response inbox) {
        assertEquals(200, inbox.status(), inbox.body());
        return (List<Map<String, Object>>) inbox.map().get("items");
    }

    @Test
    void theTranslatorIsToldOfASendBackWithItsReasonAndOfTheApproval() {
        Person translator = staffing.translator("SEL");
        long pair = submitted(translator);
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/reject",
                Map.of("reason", "日付を確認してください")).status());
        List<Map<String, Object>> told = items(translator.http().get("/api/v1/notifications"));
        assertEquals(1, told.size(), told.toString());
        assertEquals("REJECTED", told.getFirst().get("kind"));
        assertEquals("日付を確認してください", told.getFirst().get("excerpt"));
        assertEquals(editor.username(), told.getFirst().get("actor"));
        assertEquals("/work/pairs/" + pair, told.getFirst().get("link"));
        assertEquals(List.of(), items(editor.http().get("/api/v1/notifications")), "not the one who acted");

        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + pair + "/resume", Map.of()).status());
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + pair + "/submit", Map.of()).status());
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/approve", Map.of()).status());
        Http.Response inbox = translator.http().get("/api/v1/notifications");
        assertEquals(List.of("APPROVED", "REJECTED"), items(inbox).stream().map(n -> n.get("kind")).toList());
        assertEquals(2, ((Number) inbox.map().get("unread")).intValue());
    }

    @Test
    void aReasonAsLongAsAllowedIsToldByItsBeginning() {
        Person translator = staffing.translator("SEL");
        long pair = submitted(translator);
        String reason = "𠮷".repeat(2000); // the longest reason, in characters outside the BMP
        Http.Response sent = editor.http().postJson("/api/v1/pairs/" + pair + "/reject", Map.of("reason", reason));
        assertEquals(200, sent.status(), sent.body());
        String excerpt = (String) items(translator.http().get("/api/v1/notifications")).getFirst().get("excerpt");
        assertEquals("𠮷".repeat(Notifications.EXCERPT - 1) + "…", excerpt);
    }

    @Test
    void aClaimTakenOverAndAPairAssignedAreToldToWhoseItWasAndBecomes() {
        Person first = staffing.translator("SEL");
        Person second = staffing.translator("SEL");
        long pair = Fixtures.bulletin(editor.http(), "SEL", 1, false).pairIds().getFirst();
        assertEquals(200, first.http().postJson("/api/v1/pairs/" + pair + "/claim", Map.of()).status());
        Http.Response taken = editor.http().postJson("/api/v1/pairs/" + pair + "/takeover", Map.of("reason", "急ぎ"));
        assertEquals(200, taken.status(), taken.body());
        assertEquals("TAKEN_OVER", items(first.http().get("/api/v1/notifications")).getFirst().get("kind"));
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/unclaim", Map.of()).status());
        Http.Response assigned = editor.http().postJson("/api/v1/pairs/" + pair + "/assign",
                Map.of("assignee", second.username()));
        assertEquals(200, assigned.status(), assigned.body());
        assertEquals("ASSIGNED", items(second.http().get("/api/v1/notifications")).getFirst().get("kind"));
    }

    @Test
    void aNameInACommentIsToldAndReadingMarksUpToWhatWasSeen() {
        Person named = staffing.translator("SYD");
        long pair = Fixtures.bulletin(editor.http(), "SEL", 1, false).pairIds().getFirst();
        for (String text : List.of("@" + named.username() + " 確認を", "@" + named.username() + " もう一度",
                "@" + editor.username() + " 自分宛て")) {
            assertEquals(201, editor.http().postJson("/api/v1/pairs/" + pair + "/comments", Map.of("body", text)).status());
        }
        assertEquals(List.of(), items(editor.http().get("/api/v1/notifications")), "naming oneself tells nobody");
        List<Map<String, Object>> told = items(named.http().get("/api/v1/notifications?unread=true"));
        assertEquals(2, told.size());
        assertEquals("MENTIONED", told.getFirst().get("kind"));
        long older = ((Number) told.get(1).get("id")).longValue();

        assertEquals(204, named.http().postJson("/api/v1/notifications/read", Map.of("upTo", older)).status());
        Http.Response after = named.http().get("/api/v1/notifications?unread=true");
        assertEquals(1, ((Number) after.map().get("unread")).intValue(), "the newer one stays unread");
        assertEquals(2, items(named.http().get("/api/v1/notifications")).size(), "read ones are still listed");
        assertInvalidParameter(named.http().postJson("/api/v1/notifications/read", Map.of()), "upTo");
        assertInvalidParameter(named.http().get("/api/v1/notifications?limit=0"), "limit");
        assertProblem(new Http(server, json).get("/api/v1/notifications"), 401, "UNAUTHORIZED");
    }
}
