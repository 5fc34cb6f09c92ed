package jp.kakehashi.pair;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One action on a selection of pairs: each audited as if done alone, all or nothing. */
@MicronautTest(transactional = false)
class PairBulkApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    Db db;
    Person editor;
    Person approver;
    Person translator;

    @BeforeAll
    void setUp() {
        db = new Db(dataSource);
        Staffing staffing = new Staffing(new Http(server, json));
        editor = staffing.editor("NYC");
        approver = staffing.editor("NYC");
        translator = staffing.translator("NYC");
    }

    static Http.Response bulk(Person who, String action, List<Long> pairs, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(more);
        body.put("action", action);
        body.put("pairs", pairs);
        return who.http().postJson("/api/v1/pairs/bulk", body);
    }

    List<String> statuses(List<Long> pairs) {
        List<String> out = new ArrayList<>();
        for (long id : pairs) {
            out.add((String) editor.http().get("/api/v1/pairs/" + id).map().get("status"));
        }
        return out;
    }

    long events(List<Long> pairs, String action) {
        return db.count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND pair_id IN ("
                + String.join(",", pairs.stream().map(String::valueOf).toList()) + ")", action);
    }

    @Test
    void aBulkCancelAuditsEveryPairAsIfEachWereCancelledAlone() {
        List<Long> pairs = Fixtures.bulletin(editor.http(), "NYC", 3, false).pairIds();
        assertProblem(bulk(editor, "cancel", pairs, Map.of()), 422, "REASON_REQUIRED");
        assertEquals(List.of("UNASSIGNED", "UNASSIGNED", "UNASSIGNED"), statuses(pairs));
        Http.Response done = bulk(editor, "cancel", pairs, Map.of("reason", "the event was called off"));
        assertEquals(200, done.status(), done.body());
        assertEquals(3, ((List<?>) done.map().get("pairs")).size());
        assertEquals(List.of("CANCELLED", "CANCELLED", "CANCELLED"), statuses(pairs));
        assertEquals(3, db.count("SELECT COUNT(*) FROM audit_event WHERE action = 'cancel' AND reason = ?"
                + " AND pair_id IN (?, ?, ?)", "the event was called off", pairs.get(0), pairs.get(1), pairs.get(2)));
        assertEquals(3, db.count("SELECT COUNT(DISTINCT aggregate_id) FROM outbox_event WHERE aggregate_type = 'pair'"
                + " AND aggregate_id IN (?, ?, ?) AND kind = 'cancel'", pairs.get(0), pairs.get(1), pairs.get(2)));
    }

    @Test
    void oneRefusalRollsTheWholeSelectionBackAndNamesThePair() {
        List<Long> pairs = Fixtures.bulletin(editor.http(), "NYC", 3, true).pairIds();
        long middle = pairs.get(1);
        assertEquals(200, approver.http().postJson("/api/v1/pairs/" + middle + "/approve", Map.of()).status());
        Http.Response refused = bulk(approver, "approve", pairs, Map.of());
        assertProblem(refused, 409, "WRONG_STATE");
        assertEquals(middle, ((Number) refused.map().get("pairId")).longValue());
        assertEquals(List.of("SUBMITTED", "APPROVED", "SUBMITTED"), statuses(pairs), "the first approval rolled back");
        assertEquals(1, events(pairs, "approve"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM tm_unit WHERE pair_id = ?", pairs.getFirst()),
                "nor did the memory learn from it");

        // four eyes hold in bulk too: the submitter of these pairs may not approve them
        List<Long> rest = List.of(pairs.get(0), pairs.get(2));
        Http.Response own = bulk(editor, "approve", rest, Map.of());
        assertProblem(own, 403, "FOUR_EYES");
        Http.Response approved = bulk(approver, "approve", rest, Map.of());
        assertEquals(200, approved.status(), approved.body());
        assertEquals(List.of("APPROVED", "APPROVED", "APPROVED"), statuses(pairs));
    }

    @Test
    void aTranslatorGivesBackTheirClaimsAtOnceButMayNotCancel() {
        List<Long> pairs = Fixtures.bulletin(editor.http(), "NYC", 2, false).pairIds();
        Http.Response assigned = bulk(editor, "assign", pairs, Map.of("assignee", translator.username()));
        assertEquals(200, assigned.status(), assigned.body());
        assertEquals(List.of("CLAIMED", "CLAIMED"), statuses(pairs));
        assertProblem(bulk(translator, "cancel", pairs, Map.of("reason", "no")), 403, "FORBIDDEN");
        Http.Response back = bulk(translator, "unclaim", pairs, Map.of());
        assertEquals(200, back.status(), back.body());
        assertEquals(List.of("UNASSIGNED", "UNASSIGNED"), statuses(pairs));
        assertEquals(2, events(pairs, "unclaim"));
    }

    @Test
    void aSelectionThatIsEmptyTooLargeRepeatedOrOfAnotherActionIsRefused() {
        List<Long> pairs = Fixtures.bulletin(editor.http(), "NYC", 1, false).pairIds();
        assertProblem(bulk(editor, "claim", pairs, Map.of()), 422, "VALIDATION_FAILED");
        assertProblem(bulk(editor, "release", pairs, Map.of()), 422, "VALIDATION_FAILED");
        assertProblem(bulk(editor, "cancel", List.of(), Map.of("reason", "x")), 422, "VALIDATION_FAILED");
        assertProblem(bulk(editor, "cancel", List.of(pairs.getFirst(), pairs.getFirst()), Map.of("reason", "x")),
                422, "VALIDATION_FAILED");
        List<Long> many = LongStream.rangeClosed(1, PairBulk.MAX_PAIRS + 1).boxed().toList();
        assertProblem(bulk(editor, "cancel", many, Map.of("reason", "x")), 422, "VALIDATION_FAILED");
        Http.Response missing = bulk(editor, "cancel", List.of(pairs.getFirst(), 999_999_999L), Map.of("reason", "x"));
        assertProblem(missing, 404, "NOT_FOUND");
        assertEquals(List.of("UNASSIGNED"), statuses(pairs));
    }
}
