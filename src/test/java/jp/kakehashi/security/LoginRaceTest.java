package jp.kakehashi.security;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The login throttle holds against guesses sent in parallel: an attacker gets no more password
 * checks of an account per window by sending them all at once, while colleagues signing in at once
 * from one address are not held up. Forgets its attempts afterwards (shared database).
 */
@MicronautTest(transactional = false)
class LoginRaceTest extends ServiceTest {
    private static final String ADDRESS_FAILURES =
            "SELECT COALESCE(SUM(failures), 0) FROM login_attempt WHERE throttle_key LIKE 'addr:%'";
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    Http http;
    Staffing staffing;
    Db db;

    @BeforeAll
    void setUp() {
        db = new Db(dataSource);
        http = new Http(server, json);
        staffing = new Staffing(http);
    }

    @AfterAll
    void forgetTheAttempts() {
        db.update("DELETE FROM login_attempt");
    }

    private Http.Response login(String username, String password) {
        return http.postJson("/api/v1/auth/login", Map.of("username", username, "password", password));
    }

    @Test
    void ofTwentyWrongPasswordsSentAtOnceOnlyAsManyAsTheLimitAreChecked() throws Exception {
        Person p = staffing.translator("PAR");
        List<Http.Response> answers = AtOnce.send(20, i -> login(p.username(), "wrong guess number " + i));
        assertEquals(5, answers.stream().filter(r -> r.status() == 401).count(),
                answers.stream().map(Http.Response::status).toList().toString());
        answers.stream().filter(r -> r.status() != 401).forEach(r -> assertProblem(r, 429, "TOO_MANY_REQUESTS"));
        assertProblem(login(p.username(), Staffing.PASSWORD), 429, "TOO_MANY_REQUESTS");
    }

    /** An office behind one address signing in together at nine: more than the address's limit of 50. */
    @Test
    void sixtyRightPasswordsFromOneAddressAtOnceAllSignIn() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 60; i++) {
            assertEquals(201, staffing.admin().postJson("/api/v1/users", Map.of("username", "office-" + run + "-" + i,
                    "password", Staffing.PASSWORD, "roles", List.of("TRANSLATOR"), "offices", List.of("SIN")))
                    .status());
        }
        List<Http.Response> answers = AtOnce.send(60, i -> login("office-" + run + "-" + i, Staffing.PASSWORD));
        assertEquals(List.of(200), answers.stream().map(Http.Response::status).distinct().toList());
    }

    @Test
    void aSuccessfulSignInLeavesNoCountBehindForItsAddress() {
        Person p = staffing.translator("LON");
        long before = db.count(ADDRESS_FAILURES);
        assertEquals(200, login(p.username(), Staffing.PASSWORD).status());
        assertEquals(before, db.count(ADDRESS_FAILURES));
    }
}
