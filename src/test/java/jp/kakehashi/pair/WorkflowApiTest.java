package jp.kakehashi.pair;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.kakehashi.support.AtOnce;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workflow of docs/design/workflow.md end to end over HTTP and MariaDB. */
@MicronautTest(transactional = false)
class WorkflowApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    Http anonymous;
    Db db;
    Staffing staffing;
    Person importer;
    Person translator;
    Person otherTranslator;
    Person editor;
    Person secondEditor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kakehashi.lease.sweep-interval", "500ms");
    }

    @BeforeAll
    void setUp() {
        anonymous = new Http(server, json);
        db = new Db(dataSource);
        staffing = new Staffing(anonymous);
        importer = staffing.editor("PAR");
        translator = staffing.translator("PAR");
        otherTranslator = staffing.translator("PAR");
        editor = staffing.editor("PAR");
        secondEditor = staffing.editor("PAR");
    }

    static Http.Response act(Person p, long pair, String action, String reason) {
        return p.http().postJson("/api/v1/pairs/" + pair + "/" + action, reason == null ? Map.of()
                : Map.of("reason", reason));
    }

    static Http.Response save(Person p, long pair, String etag, String body) {
        return p.http().write("PUT", "/api/v1/pairs/" + pair + "/target", Map.of("title", "Title", "body", body),
                etag);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> pairOf(Http.Response problem) {
        return (Map<String, Object>) problem.map().get("pair");
    }

    @Test
    void aPairGoesFromClaimToReleaseAndReadersSeeItOnlyThen() {
        var b = Fixtures.bulletin(importer.http(), "PAR", 1, false);
        long id = b.pairIds().getFirst();
        assertProblem(anonymous.get("/api/v1/pairs/" + id), 404, "NOT_FOUND");
        assertProblem(anonymous.get("/api/v1/bulletins/" + b.bulletinId()), 404, "NOT_FOUND");

        Http.Response claimed = act(translator, id, "claim", null);
        assertEquals(200, claimed.status(), claimed.body());
        assertEquals("CLAIMED", claimed.map().get("status"));
        assertEquals(translator.username(), claimed.map().get("assignee"));
        Instant lease = Instant.parse((String) claimed.map().get("leaseExpiresAt"));
        assertTrue(Duration.between(Instant.now(), lease).toHours() >= 47, "48 h default lease: " + lease);
        assertProblem(act(otherTranslator, id, "claim", null), 409, "WRONG_STATE");

        String etag = claimed.header("ETag");
        assertProblem(translator.http().write("PUT", "/api/v1/pairs/" + id + "/target",
                Map.of("title", "T", "body", "B"), null), 428, "PRECONDITION_REQUIRED");
        Http.Response saved = save(translator, id, etag, "Staff of Shirakawa visited Paris.");
        assertEquals(200, saved.status(), saved.body());
        assertNotNull(((Map<?, ?>) saved.map().get("target")));
        Http.Response stale = save(translator, id, etag, "lost update");
        assertProblem(stale, 412, "PRECONDITION_FAILED");
        assertEquals(saved.map().get("version"), pairOf(stale).get("version"), "412 carries the current pair");
        assertProblem(save(otherTranslator, id, saved.header("ETag"), "not mine"), 423, "LOCKED");

        String etag2 = save(translator, id, saved.header("ETag"), "八戸市の職員がパリを訪問した。").header("ETag");
        Http.Response qa = act(translator, id, "submit", null);
        assertProblem(qa, 422, "QA_FAILED");
        assertEquals("UNTRANSLATED", ((Map<?, ?>) ((List<?>) qa.map().get("issues")).getFirst()).get("code"));
        assertEquals("CLAIMED", translator.http().get("/api/v1/pairs/" + id).map().get("status"),
                "a refused submit changes nothing");
        assertEquals(200, save(translator, id, etag2, "Staff of Shirakawa visited Paris.").status());
        assertEquals(200, act(translator, id, "submit", null).status());
        assertProblem(act(translator, id, "approve", null), 403, "FORBIDDEN");
        assertProblem(act(editor, id, "reject", " "), 422, "REASON_REQUIRED");
        Http.Response rejected = act(editor, id, "reject", "「訪問」は visited ではなく paid a visit で");
        assertEquals("CHANGES_REQUESTED", rejected.map().get("status"));
        assertEquals(translator.username(), rejected.map().get("assignee"), "the submitter holds the lease again");
        assertProblem(act(otherTranslator, id, "resume", null), 423, "LOCKED");
        assertEquals("CLAIMED", act(translator, id, "resume", null).map().get("status"));
        assertEquals(200, save(translator, id, Fixtures.etag(translator.http(), id), "Staff paid a visit.").status());
        assertEquals(200, act(translator, id, "submit", null).status());

        assertProblem(anonymous.get("/api/v1/pairs/" + id), 404, "NOT_FOUND");
        Http.Response blocked = editor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release", Map.of());
        assertProblem(blocked, 409, "RELEASE_BLOCKED");
        assertEquals(List.of(Map.of("id", (int) id, "position", 1, "office", "PAR", "status", "SUBMITTED")),
                blocked.map().get("blockers"));
        assertEquals("APPROVED", act(editor, id, "approve", null).map().get("status"));
        Http.Response released = editor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release", Map.of());
        assertEquals(200, released.status(), released.body());
        assertEquals("RELEASED", released.map().get("state"));
        Map<String, Object> read = anonymous.get("/api/v1/pairs/" + id).map();
        assertEquals("RELEASED", read.get("status"));
        assertEquals("Staff paid a visit.", ((Map<?, ?>) read.get("target")).get("body"));
        assertNull(read.get("assignee"), "readers do not see who worked on it");
        assertEquals(200, anonymous.get("/api/v1/bulletins/" + b.bulletinId()).status());

        List<Object[]> audit = db.rows("SELECT action, from_status, to_status FROM audit_event WHERE pair_id = ?"
                + " ORDER BY id", id);
        assertEquals(List.of("create", "claim", "save_draft", "save_draft", "save_draft", "submit", "reject", "resume",
                "save_draft", "submit", "approve", "release"), audit.stream().map(r -> (String) r[0]).toList());
        assertEquals(audit.size(), db.count("SELECT COUNT(*) FROM outbox_event WHERE aggregate_type = 'pair'"
                + " AND aggregate_id = ?", id), "one outbox row per audited change");

        Http.Response retract = editor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/retract", Map.of());
        assertProblem(retract, 422, "REASON_REQUIRED");
        assertEquals(200, editor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/retract",
                Map.of("reason", "誤配信")).status());
        assertProblem(anonymous.get("/api/v1/pairs/" + id), 404, "NOT_FOUND");
        assertEquals("APPROVED", editor.http().get("/api/v1/pairs/" + id).map().get("status"));
    }

    @Test
    void theLastSubmitterCannotApproveTheirOwnTranslation() {
        long id = Fixtures.bulletin(importer.http(), "PAR", 1, false).pairIds().getFirst();
        assertEquals(200, act(editor, id, "claim", null).status());
        assertEquals(200, save(editor, id, Fixtures.etag(editor.http(), id), "Mine").status());
        assertEquals(200, act(editor, id, "submit", null).status());
        assertProblem(act(editor, id, "approve", null), 403, "FOUR_EYES");
        assertEquals(200, act(secondEditor, id, "approve", null).status());
        long imported = Fixtures.bulletin(importer.http(), "PAR", 1, true).pairIds().getFirst();
        assertProblem(act(importer, imported, "approve", null), 403, "FOUR_EYES");
    }

    @Test
    void aSubstantiveSourceChangeOutdatesTheTranslationAndShowsTheDiff() {
        var b = Fixtures.bulletin(importer.http(), "PAR", 1, true);
        long id = b.pairIds().getFirst();
        assertEquals(200, act(editor, id, "approve", null).status());
        assertEquals(200, editor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release", Map.of()).status());
        Map<String, Object> before = anonymous.get("/api/v1/pairs/" + id).map();
        String oldBody = (String) ((Map<?, ?>) before.get("source")).get("body");

        Http.Response typo = editor.http().write("PUT", "/api/v1/pairs/" + id + "/source", Map.of("title",
                ((Map<?, ?>) before.get("source")).get("title"), "body", oldBody + "。", "change", "typo"),
                Fixtures.etag(editor.http(), id));
        assertEquals(200, typo.status(), typo.body());
        assertEquals("RELEASED", typo.map().get("status"), "a typo fix leaves the state alone");

        assertProblem(translator.http().write("PUT", "/api/v1/pairs/" + id + "/source", Map.of("title", "x",
                "body", "y", "change", "substantive"), typo.header("ETag")), 403, "FORBIDDEN");
        Http.Response substantive = editor.http().write("PUT", "/api/v1/pairs/" + id + "/source", Map.of("title",
                ((Map<?, ?>) before.get("source")).get("title"), "body", "白河市の職員がロンドンを訪問した。",
                "change", "substantive"), typo.header("ETag"));
        assertEquals("OUTDATED", substantive.map().get("status"));
        Map<String, Object> reader = anonymous.get("/api/v1/pairs/" + id).map();
        assertEquals(true, reader.get("sourceUpdated"), "readers still see it, marked");
        assertEquals(oldBody + "。", ((Map<?, ?>) reader.get("source")).get("body"), "the released text (typo fixed)");

        Map<String, Object> history = editor.http().get("/api/v1/pairs/" + id + "/history").map();
        Map<?, ?> diff = (Map<?, ?>) history.get("sourceDiff");
        assertEquals(1, diff.get("fromRevision"));
        assertEquals(3, diff.get("toRevision"));
        String ops = diff.get("body").toString();
        assertTrue(ops.contains("op=delete, text=パリ") && ops.contains("op=insert, text=ロンドン"), ops);
        assertProblem(anonymous.get("/api/v1/pairs/" + id + "/history"), 401, "UNAUTHORIZED");

        assertEquals("CLAIMED", act(translator, id, "claim", null).map().get("status"));
        Http.Response refused = act(translator, id, "submit", null);
        assertProblem(refused, 409, "SOURCE_CHANGED");
        assertEquals("OUTDATED", pairOf(refused).get("status"), "submitting a draft of the old source outdates it");
        assertEquals(200, act(translator, id, "claim", null).status());
        assertEquals(200, save(translator, id, Fixtures.etag(translator.http(), id), "They visited London.").status());
        assertEquals("SUBMITTED", act(translator, id, "submit", null).map().get("status"));
    }

    @Test
    void takeoverLocksOutTheFormerHolderUnclaimReturnsItAndExpiredLeasesKeepTheDraft() throws Exception {
        long id = Fixtures.bulletin(importer.http(), "PAR", 1, false).pairIds().getFirst();
        assertEquals(200, act(translator, id, "claim", null).status());
        assertProblem(act(editor, id, "takeover", null), 422, "REASON_REQUIRED");
        Http.Response taken = act(editor, id, "takeover", "休暇中のため");
        assertEquals(editor.username(), taken.map().get("assignee"));
        assertProblem(save(translator, id, taken.header("ETag"), "too late"), 423, "LOCKED");
        assertProblem(act(editor, id, "release", null), 404, "NOT_FOUND");
        assertEquals(200, act(editor, id, "unclaim", null).status());
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_event WHERE pair_id = ? AND action = 'unclaim'", id),
                "giving a claim back is audited as unclaim, not as a release");

        assertEquals(200, act(translator, id, "claim", null).status());
        String etag = save(translator, id, Fixtures.etag(translator.http(), id), "draft to keep").header("ETag");
        db.update("UPDATE doc_pair SET lease_expires_at = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(5)), id);
        Http.Response late = save(translator, id, etag, "after expiry");
        // Refused either way: LEASE_EXPIRED while the lapsed claim stands, WRONG_STATE once the scheduler
        // (which may run between the two statements above) has returned the pair to the queue.
        String code = late.status() == 423 ? "LEASE_EXPIRED" : "WRONG_STATE";
        assertProblem(late, late.status() == 423 ? 423 : 409, code);
        Instant deadline = Instant.now().plusSeconds(15);
        Map<String, Object> p = Map.of();
        while (Instant.now().isBefore(deadline) && !"UNASSIGNED".equals(p.get("status"))) {
            Thread.sleep(200);
            p = editor.http().get("/api/v1/pairs/" + id).map();
        }
        assertEquals("UNASSIGNED", p.get("status"), "the scheduler returned the expired claim");
        assertEquals("draft to keep", ((Map<?, ?>) p.get("target")).get("body"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_event WHERE pair_id = ? AND action = 'expire'", id));
    }

    @Test
    void savingADraftRenewsTheLeaseOnlyUpToItsBound() {
        long id = Fixtures.bulletin(importer.http(), "PAR", 1, false).pairIds().getFirst();
        assertEquals(200, act(translator, id, "claim", null).status());
        Instant started = Instant.now().minus(Duration.ofHours(140));
        db.update("UPDATE doc_pair SET lease_started_at = ? WHERE id = ?", java.sql.Timestamp.from(started), id);
        Http.Response saved = save(translator, id, Fixtures.etag(translator.http(), id), "renew");
        Instant lease = Instant.parse((String) saved.map().get("leaseExpiresAt"));
        Instant cap = started.plus(Duration.ofHours(48L * Leases.MAX_TOTAL_FACTOR));
        assertTrue(Math.abs(Duration.between(cap, lease).toSeconds()) < 5, lease + " vs " + cap);
    }

    @Test
    void officeStatusCountsStatesClaimsAndProgress() {
        Person sydTranslator = staffing.translator("SYD");
        Person sydEditor = staffing.editor("SYD");
        var b = Fixtures.bulletin(sydEditor.http(), "SYD", 3, false);
        assertEquals(200, act(sydTranslator, b.pairIds().get(0), "claim", null).status());
        db.update("UPDATE doc_pair SET lease_expires_at = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(3))), b.pairIds().get(0));
        long done = b.pairIds().get(1);
        assertEquals(200, act(sydTranslator, done, "claim", null).status());
        assertEquals(200, save(sydTranslator, done, Fixtures.etag(sydTranslator.http(), done), "Done").status());
        assertEquals(200, act(sydTranslator, done, "submit", null).status());
        assertEquals(200, act(sydEditor, done, "approve", null).status());
        Map<String, Object> status = sydEditor.http().get("/api/v1/offices/SYD/status").map();
        assertTrue(((Number) status.get("approvals")).intValue() >= 1);
        assertTrue(((Number) status.get("medianClaimToApprovalSeconds")).longValue() >= 0, status.toString());
        Map<?, ?> counts = (Map<?, ?>) status.get("counts");
        assertTrue(((Number) counts.get("CLAIMED")).intValue() >= 1);
        assertTrue(((Number) counts.get("UNASSIGNED")).intValue() >= 1);
        assertTrue(((Number) counts.get("APPROVED")).intValue() >= 1);
        assertTrue(((Number) status.get("expiringClaims")).intValue() >= 1);
        List<?> bulletins = (List<?>) status.get("bulletins");
        assertTrue(bulletins.stream().anyMatch(x -> ((Number) ((Map<?, ?>) x).get("bulletinId")).longValue()
                == b.bulletinId() && ((Number) ((Map<?, ?>) x).get("total")).intValue() == 3));
        List<?> weeks = (List<?>) status.get("approvalsPerWeek");
        assertEquals(12, weeks.size());
        Map<?, ?> thisWeek = (Map<?, ?>) weeks.getLast();
        assertEquals(java.time.LocalDate.now(java.time.ZoneOffset.UTC).with(java.time.temporal.TemporalAdjusters
                .previousOrSame(java.time.DayOfWeek.MONDAY)).toString(), thisWeek.get("weekOf"));
        assertTrue(((Number) thisWeek.get("approved")).intValue() >= 1, "this test's approval: " + weeks);
        assertProblem(anonymous.get("/api/v1/offices/SYD/status"), 401, "UNAUTHORIZED");
        assertProblem(sydEditor.http().get("/api/v1/offices/OSA/status"), 404, "NOT_FOUND");
    }

    @Test
    void editorsAssignUnapproveConfirmCancelAndReopen() {
        var b = Fixtures.bulletin(importer.http(), "PAR", 2, true);
        long id = b.pairIds().getFirst();
        assertEquals(200, act(editor, id, "approve", null).status());
        assertProblem(act(editor, id, "unapprove", null), 422, "REASON_REQUIRED");
        assertEquals("SUBMITTED", act(editor, id, "unapprove", "用語の確認").map().get("status"));
        assertEquals(200, act(editor, id, "approve", null).status());

        String title = (String) ((Map<?, ?>) editor.http().get("/api/v1/pairs/" + id).map().get("source")).get("title");
        Http.Response outdated = editor.http().write("PUT", "/api/v1/pairs/" + id + "/source", Map.of("title", title,
                "body", "日付の表記だけを変えた。", "change", "substantive"), Fixtures.etag(editor.http(), id));
        assertEquals("OUTDATED", outdated.map().get("status"));
        assertProblem(act(editor, id, "confirm", null), 422, "REASON_REQUIRED");
        Http.Response confirmed = act(editor, id, "confirm", "訳に影響なし");
        assertEquals("APPROVED", confirmed.map().get("status"), "confirm restores the state before OUTDATED");
        assertProblem(editor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release", Map.of()), 409,
                "RELEASE_BLOCKED");

        long other = b.pairIds().get(1);
        assertProblem(act(editor, other, "cancel", null), 422, "REASON_REQUIRED");
        assertEquals("CANCELLED", act(editor, other, "cancel", "掲載見送り").map().get("status"));
        Http.Response released = editor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release", Map.of());
        assertEquals(200, released.status(), "APPROVED and CANCELLED pairs make a releasable bulletin");
        assertEquals(1, ((List<?>) anonymous.get("/api/v1/bulletins/" + b.bulletinId()).map().get("pairs")).size(),
                "readers do not see the cancelled pair");
        assertProblem(anonymous.get("/api/v1/pairs/" + other), 404, "NOT_FOUND");
        assertEquals("UNASSIGNED", act(editor, other, "reopen", null).map().get("status"));

        long fresh = Fixtures.bulletin(importer.http(), "PAR", 1, false).pairIds().getFirst();
        Http.Response assigned = editor.http().postJson("/api/v1/pairs/" + fresh + "/assign",
                Map.of("assignee", translator.username()));
        assertEquals(translator.username(), assigned.map().get("assignee"), assigned.body());
        Person london = staffing.translator("LON");
        long another = Fixtures.bulletin(importer.http(), "PAR", 1, false).pairIds().getFirst();
        assertProblem(editor.http().postJson("/api/v1/pairs/" + another + "/assign",
                Map.of("assignee", london.username())), 422, "VALIDATION_FAILED");
    }

    @Test
    void deactivatingAHolderReturnsTheirClaimsAndReadersListOnlyReleasedBulletins() {
        Person leaving = staffing.translator("PAR");
        long id = Fixtures.bulletin(importer.http(), "PAR", 1, false).pairIds().getFirst();
        assertEquals(200, act(leaving, id, "claim", null).status());
        assertEquals(200, staffing.admin().postJson("/api/v1/users/" + leaving.id() + "/deactivate", Map.of()).status());
        Map<String, Object> p = editor.http().get("/api/v1/pairs/" + id).map();
        assertEquals("UNASSIGNED", p.get("status"));
        assertNull(p.get("assignee"));

        Map<String, Object> page = anonymous.get("/api/v1/bulletins?size=100").map();
        for (Object item : (List<?>) page.get("items")) {
            assertEquals("RELEASED", ((Map<?, ?>) item).get("state"));
        }
        long staffTotal = ((Number) editor.http().get("/api/v1/bulletins?size=1").map().get("total")).longValue();
        assertTrue(staffTotal > ((Number) page.get("total")).longValue(), "staff also see unreleased bulletins");
        assertEquals(200, anonymous.get("/health").status());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> issue(Http.Response qa, String code) {
        return ((List<Map<String, Object>>) qa.map().get("issues")).stream().filter(i -> code.equals(i.get("code")))
                .findFirst().orElseThrow(() -> new AssertionError(code + " not in " + qa.body()));
    }

    private static Http.Response acknowledge(Person p, long pair, String code, Object detail, String reason) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("code", code);
        body.put("detail", detail);
        body.put("reason", reason);
        return p.http().postJson("/api/v1/pairs/" + pair + "/qa/acknowledgements", body);
    }

    @Test
    void anEditorAcknowledgesAWarningWithAReasonAndItStaysAcknowledgedOnLaterDrafts() {
        long id = Fixtures.bulletin(importer.http(), "PAR", 1, false).pairIds().getFirst();
        assertEquals(200, act(translator, id, "claim", null).status());
        String source = (String) ((Map<?, ?>) translator.http().get("/api/v1/pairs/" + id).map().get("source")).get("body");
        assertEquals(200, save(translator, id, Fixtures.etag(translator.http(), id), source).status());
        Map<String, Object> copied = issue(translator.http().get("/api/v1/pairs/" + id + "/qa"), "SAME_AS_SOURCE");
        assertProblem(acknowledge(editor, id, "SAME_AS_SOURCE", copied.get("detail"), "fine"), 422, "NOT_A_WARNING");

        assertEquals(200, save(translator, id, Fixtures.etag(translator.http(), id),
                "Staff of Shirakawa City visited Paris.").status());
        Map<String, Object> numbers = issue(translator.http().get("/api/v1/pairs/" + id + "/qa"), "NUMBERS");
        assertEquals("WARNING", numbers.get("severity"));
        List<?> where = (List<?>) numbers.get("segments");
        List<?> rows = (List<?>) translator.http().get("/api/v1/pairs/" + id + "/segments").map().get("rows");
        assertFalse(where.isEmpty(), numbers.toString());
        for (Object n : where) {
            String row = (String) ((Map<?, ?>) rows.get(((Number) n).intValue())).get("source");
            assertTrue(row.matches("(?s).*[0-9０-９].*"), "the warning points at a segment with a number: " + row);
        }
        assertEquals(null, numbers.get("acknowledged"));
        Object detail = numbers.get("detail");
        assertProblem(acknowledge(translator, id, "NUMBERS", detail, "the 0 is a typo"), 403, "FORBIDDEN");
        assertProblem(acknowledge(editor, id, "NUMBERS", detail, "  "), 422, "REASON_REQUIRED");
        assertProblem(acknowledge(editor, id, "NUMBERS", "another detail", "x"), 422, "NOT_A_WARNING");
        assertProblem(acknowledge(editor, id, "NUMBERS", detail, "x".repeat(2001)), 422, "FIELD_TOO_LONG");

        Http.Response done = acknowledge(editor, id, "NUMBERS", detail, "the 0 is a typo in the source");
        assertEquals(200, done.status(), done.body());
        Map<?, ?> ack = (Map<?, ?>) issue(done, "NUMBERS").get("acknowledged");
        assertEquals(editor.username(), ack.get("by"));
        assertEquals("the 0 is a typo in the source", ack.get("reason"));
        assertProblem(acknowledge(secondEditor, id, "NUMBERS", detail, "again"), 409, "ALREADY_ACKNOWLEDGED");

        assertEquals(200, save(translator, id, Fixtures.etag(translator.http(), id),
                "Staff of Shirakawa City visited Paris on a visit.").status());
        Map<?, ?> still = (Map<?, ?>) issue(translator.http().get("/api/v1/pairs/" + id + "/qa"), "NUMBERS")
                .get("acknowledged");
        assertEquals(editor.username(), still.get("by"), "an unrelated edit keeps the judgement");
        assertTrue(db.rows("SELECT action, reason FROM audit_event WHERE pair_id = " + id).stream()
                .anyMatch(r -> "qa_acknowledge".equals(r[0]) && ((String) r[1]).startsWith("NUMBERS: ")));
    }

    @Test
    void twoEditorsAcknowledgingOneWarningAtOnceRecordItOnce() throws Exception {
        long id = Fixtures.bulletin(importer.http(), "PAR", 1, false).pairIds().getFirst();
        assertEquals(200, act(translator, id, "claim", null).status());
        assertEquals(200, save(translator, id, Fixtures.etag(translator.http(), id),
                "Staff of Shirakawa City visited Paris.").status());
        Object detail = issue(translator.http().get("/api/v1/pairs/" + id + "/qa"), "NUMBERS").get("detail");
        List<Http.Response> answers = AtOnce.send(6, i -> acknowledge(i % 2 == 0 ? editor : secondEditor, id,
                "NUMBERS", detail, "checked by the " + i + "th"));
        assertEquals(1, answers.stream().filter(r -> r.status() == 200).count(), answers.toString());
        answers.stream().filter(r -> r.status() != 200).forEach(r -> assertProblem(r, 409, "ALREADY_ACKNOWLEDGED"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM qa_acknowledgement WHERE pair_id = ?", id));
    }

    @Test
    void eachHistoryEntryThatWroteARevisionLinksToWhatItChanged() {
        var b = Fixtures.bulletin(importer.http(), "PAR", 1, false);
        long id = b.pairIds().getFirst();
        assertEquals(200, act(translator, id, "claim", null).status());
        for (String body : List.of("Pupils of Shirakawa visited Paris.", "Pupils of Shirakawa City visited Paris.")) {
            assertEquals(200, translator.http().write("PUT", "/api/v1/pairs/" + id + "/target", Map.of("title", "Item",
                    "body", body), Fixtures.etag(translator.http(), id)).status());
        }
        List<?> events = (List<?>) translator.http().get("/api/v1/pairs/" + id + "/history").map().get("events");
        List<String> linked = events.stream().map(e -> (Map<?, ?>) e).filter(e -> e.get("revision") != null)
                .map(e -> e.get("action") + ":" + e.get("side") + "/" + e.get("revision")).toList();
        assertEquals(List.of("create:source/1", "save_draft:target/1", "save_draft:target/2"), linked);
        Map<String, Object> diff = translator.http().get("/api/v1/pairs/" + id + "/history/target/2").map();
        assertEquals(List.of(Map.of("op", "equal", "text", "Pupils of Shirakawa "), Map.of("op", "insert",
                "text", "City "), Map.of("op", "equal", "text", "visited Paris.")), diff.get("body"));
        assertProblem(translator.http().get("/api/v1/pairs/" + id + "/history/target/9"), 404, "NOT_FOUND");
        assertProblem(translator.http().get("/api/v1/pairs/" + id + "/history/other/1"), 400, "INVALID_PARAMETER");
        assertProblem(anonymous.get("/api/v1/pairs/" + id + "/history/target/2"), 401, "UNAUTHORIZED");
    }
}
