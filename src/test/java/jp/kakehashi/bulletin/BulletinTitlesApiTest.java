package jp.kakehashi.bulletin;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.Test;

/** A bulletin's English title, given after a Japanese-only import, and corrections of either. */
@MicronautTest(transactional = false)
class BulletinTitlesApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    static Http.Response retitle(Person p, long bulletin, String etag, String ja, String en) {
        Map<String, Object> body = new HashMap<>();
        body.put("titleJa", ja);
        body.put("titleEn", en);
        return p.http().write("PUT", "/api/v1/bulletins/" + bulletin + "/titles", body, etag);
    }

    @Test
    void anEditorOfTheOfficeGivesTheEnglishTitleUnderItsVersionAndItIsAudited() {
        Staffing staffing = new Staffing(new Http(server, json));
        Person editor = staffing.editor("PAR");
        long bulletin = Fixtures.bulletin(editor.http(), "PAR", 1, false).bulletinId();
        Http.Response read = editor.http().get("/api/v1/bulletins/" + bulletin);
        String etag = read.header("ETag");
        String ja = (String) read.map().get("titleJa");

        assertProblem(retitle(editor, bulletin, null, ja, "Overseas Offices Flash"), 428, "PRECONDITION_REQUIRED");
        assertProblem(retitle(staffing.editor("LON"), bulletin, etag, ja, "x"), 403, "FORBIDDEN");
        assertEquals(403, retitle(staffing.translator("PAR"), bulletin, etag, ja, "x").status());
        assertProblem(retitle(editor, bulletin, etag, " ", null), 422, "VALIDATION_FAILED");
        assertProblem(retitle(editor, bulletin, etag, ja, "x".repeat(501)), 422, "FIELD_TOO_LONG");

        Http.Response done = retitle(editor, bulletin, etag, ja, " Overseas Offices Flash <b>No. 1</b> ");
        assertEquals(200, done.status(), done.body());
        assertEquals("Overseas Offices Flash <b>No. 1</b>", done.map().get("titleEn"));
        assertEquals(ja, done.map().get("titleJa"));
        assertProblem(retitle(editor, bulletin, etag, ja, "Again"), 412, "PRECONDITION_FAILED");
        assertEquals(1, new Db(dataSource).count("SELECT COUNT(*) FROM audit_event WHERE bulletin_id = ?"
                + " AND action = 'bulletin_retitle'", bulletin));
        assertEquals(200, retitle(staffing.editor("TYO"), bulletin, done.header("ETag"), ja, "By HQ").status(),
                "an HQ editor may retitle any bulletin");
    }
}
