package jp.kakehashi.bulletin;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Withdrawing a bulletin imported by mistake: who may, until when, and what stays behind. */
@MicronautTest(transactional = false)
class BulletinWithdrawalApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    Db db;
    Person translator;
    Person editor;
    Person otherEditor;
    Person londonEditor;
    Person hqEditor;

    @BeforeAll
    void setUp() {
        db = new Db(dataSource);
        Staffing staffing = new Staffing(new Http(server, json));
        translator = staffing.translator("PAR");
        editor = staffing.editor("PAR");
        otherEditor = staffing.editor("PAR");
        londonEditor = staffing.editor("LON");
        hqEditor = staffing.editor("TYO");
    }

    static Http.Response withdraw(Person p, long bulletin, String reason) {
        return p.http().postJson("/api/v1/bulletins/" + bulletin + "/withdraw",
                reason == null ? Map.of() : Map.of("reason", reason));
    }

    long rowsOf(long bulletin) {
        return db.count("SELECT COUNT(*) FROM doc_pair WHERE bulletin_id = ?", bulletin)
                + db.count("SELECT COUNT(*) FROM source_revision s JOIN doc_pair p ON p.id = s.pair_id"
                + " WHERE p.bulletin_id = ?", bulletin)
                + db.count("SELECT COUNT(*) FROM bulletin WHERE id = ?", bulletin);
    }

    @Test
    void anEditorOfItsOfficeWithdrawsAnUnapprovedBulletinWithAReasonAndItsHistoryStays() {
        var b = Fixtures.bulletin(editor.http(), "PAR", 2, true);
        long before = rowsOf(b.bulletinId());
        assertProblem(withdraw(translator, b.bulletinId(), "wrong file"), 403, "FORBIDDEN");
        Http.Response foreign = withdraw(londonEditor, b.bulletinId(), "wrong file");
        assertProblem(foreign, 403, "FORBIDDEN");
        assertEquals(List.of("PAR"), foreign.map().get("offices"));
        assertProblem(withdraw(editor, b.bulletinId(), null), 422, "REASON_REQUIRED");
        assertProblem(withdraw(editor, b.bulletinId(), "  "), 422, "REASON_REQUIRED");
        assertEquals(before, rowsOf(b.bulletinId()), "refusals change nothing");

        Http.Response done = withdraw(editor, b.bulletinId(), "imported the wrong file");
        assertEquals(204, done.status(), done.body());
        assertEquals(0, rowsOf(b.bulletinId()));
        assertProblem(editor.http().get("/api/v1/bulletins/" + b.bulletinId()), 404, "NOT_FOUND");
        assertProblem(editor.http().get("/api/v1/pairs/" + b.pairIds().getFirst()), 404, "NOT_FOUND");
        assertProblem(withdraw(editor, b.bulletinId(), "again"), 404, "NOT_FOUND");
        List<Object[]> audit = db.rows("SELECT action, reason, actor_name FROM audit_event WHERE bulletin_id = ?"
                + " AND pair_id IS NULL ORDER BY id", b.bulletinId());
        Object[] last = audit.getLast();
        assertEquals(List.of("bulletin_withdraw", "imported the wrong file", editor.username()), List.of(last));
        assertEquals(2, db.count("SELECT COUNT(DISTINCT pair_id) FROM audit_event WHERE pair_id IN (?, ?)",
                b.pairIds().get(0), b.pairIds().get(1)), "the pairs' history is kept");
    }

    @Test
    void aWithdrawnImportCanBeImportedAgain() {
        String text = BulletinImportApiTest.uniqueFlash("パリ");
        var first = Fixtures.created(hqEditor.http().postText("/api/v1/bulletins/import", text));
        assertProblem(hqEditor.http().postText("/api/v1/bulletins/import", text), 409, "DUPLICATE_BULLETIN");
        // the flash names Paris and London: only an editor of both, or of HQ, may take it back
        assertProblem(withdraw(editor, first.bulletinId(), "duplicate"), 403, "FORBIDDEN");
        assertEquals(204, withdraw(hqEditor, first.bulletinId(), "duplicate").status());
        var again = Fixtures.created(hqEditor.http().postText("/api/v1/bulletins/import", text));
        assertEquals(2, again.pairIds().size());
    }

    @Test
    void onceATranslationIsApprovedTheBulletinCanOnlyBeCancelledPairByPair() {
        var b = Fixtures.bulletin(editor.http(), "PAR", 2, true);
        long pair = b.pairIds().getFirst();
        Http.Response approved = otherEditor.http().postJson("/api/v1/pairs/" + pair + "/approve", Map.of());
        assertEquals(200, approved.status(), approved.body());
        long before = rowsOf(b.bulletinId());
        assertProblem(withdraw(editor, b.bulletinId(), "too late"), 409, "WRONG_STATE");
        assertEquals(before, rowsOf(b.bulletinId()));
        // unapproving does not make it withdrawable: the memory has learnt from it
        assertEquals(200, otherEditor.http().postJson("/api/v1/pairs/" + pair + "/unapprove",
                Map.of("reason", "recheck")).status());
        assertProblem(withdraw(editor, b.bulletinId(), "too late"), 409, "WRONG_STATE");
        assertEquals(200, editor.http().get("/api/v1/bulletins/" + b.bulletinId()).status());
    }
}
