package jp.kakehashi.security;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.kakehashi.support.AtOnce;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service never loses its last active administrator, even when two admins remove each other at
 * the same moment. Own database: the race deactivates the bootstrap {@code admin} now and then, and
 * each test starts from it as the only active admin.
 */
@MicronautTest(transactional = false)
class LastAdminTest extends ServiceTest {
    private static final String ACTIVE_ADMINS =
            "SELECT COUNT(*) FROM app_user WHERE active = TRUE AND FIND_IN_SET('ADMIN', roles) > 0";
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    Db db;
    Staffing staffing;

    @BeforeEach
    void onlyTheBootstrapAdminIsAnActiveAdmin() {
        restoreTheBootstrapAdmin();
        db.update("UPDATE app_user SET active = FALSE WHERE username <> 'admin' AND FIND_IN_SET('ADMIN', roles) > 0");
        staffing = new Staffing(new Http(server, json));
    }

    @AfterAll
    void restoreTheBootstrapAdmin() {
        db = new Db(dataSource);
        db.update("UPDATE app_user SET active = TRUE, roles = 'ADMIN' WHERE username = 'admin'");
    }

    @Test
    void theLastActiveAdminCanNeitherDeactivateThemselvesNorGiveUpTheAdminRole() {
        Http admin = staffing.admin();
        long id = idOf(admin);
        long audited = db.count("SELECT COUNT(*) FROM audit_event");

        assertProblem(admin.postJson("/api/v1/users/" + id + "/deactivate", Map.of()), 409, "LAST_ADMIN");
        assertProblem(admin.write("PUT", "/api/v1/users/" + id, Map.of("roles", List.of("EDITOR"),
                "offices", List.of("TYO")), null), 409, "LAST_ADMIN");
        assertEquals(200, admin.get("/api/v1/auth/me").status(), "nothing written: the token still works");
        assertEquals(audited, db.count("SELECT COUNT(*) FROM audit_event"));
        assertEquals(1, db.count(ACTIVE_ADMINS));

        Person other = staffing.person("adm", List.of("ADMIN"), List.of());
        Http.Response steppedDown = other.http().write("PUT", "/api/v1/users/" + other.id(),
                Map.of("roles", List.of("EDITOR"), "offices", List.of("PAR")), null);
        assertEquals(200, steppedDown.status(), "another admin remains: " + steppedDown.body());
        Person third = staffing.person("adm", List.of("ADMIN"), List.of());
        assertEquals(200, admin.postJson("/api/v1/users/" + third.id() + "/deactivate", Map.of()).status());
        assertEquals(1, db.count(ACTIVE_ADMINS));
    }

    /**
     * Two admins, each deactivating the other at once, round after round: both checks would see two
     * admins and both changes commit, unless the second waits for the first and sees its result.
     * The loser gets 409, or 401 when the winner's change revoked its token before it was checked.
     */
    @Test
    void twoAdminsDeactivatingEachOtherAtOnceLeaveExactlyOneStanding() throws Exception {
        Http admin = staffing.admin();
        Person survivor = new Person(idOf(admin), "admin", admin.token(), admin);
        for (int round = 0; round < 12; round++) {
            Person a = survivor;
            Person b = newAdmin(a.http());
            List<Http.Response> answers = AtOnce.send(2, i -> i == 0 ? deactivate(a, b) : deactivate(b, a));
            Http.Response first = answers.get(0);
            Http.Response second = answers.get(1);
            assertEquals(1, db.count(ACTIVE_ADMINS), "round " + round + ": " + first.body() + " / " + second.body());
            assertEquals(1, (first.status() == 200 ? 1 : 0) + (second.status() == 200 ? 1 : 0),
                    "round " + round + ": " + first.body() + " / " + second.body());
            Http.Response lost = first.status() == 200 ? second : first;
            assertTrue(lost.status() == 409 || lost.status() == 401, lost.body());
            assertProblem(lost, lost.status(), lost.status() == 409 ? "LAST_ADMIN" : "UNAUTHORIZED");
            survivor = first.status() == 200 ? a : b;
        }
    }

    private static long idOf(Http who) {
        return ((Number) who.get("/api/v1/auth/me").map().get("id")).longValue();
    }

    private Person newAdmin(Http by) {
        String username = "race-" + System.nanoTime();
        Http.Response r = by.postJson("/api/v1/users", Map.of("username", username, "password", Staffing.PASSWORD,
                "roles", List.of("ADMIN"), "offices", List.of()));
        assertEquals(201, r.status(), r.body());
        String token = staffing.login(username, Staffing.PASSWORD);
        return new Person(((Number) r.map().get("id")).longValue(), username, token, by.as(token));
    }

    private static Http.Response deactivate(Person who, Person whom) {
        return who.http().postJson("/api/v1/users/" + whom.id() + "/deactivate", Map.of());
    }
}
