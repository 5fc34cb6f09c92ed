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
 * checks per window by sending them all at once. Leaves the shared database's address count as it
 * found it.
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

    @Test
    void aSuccessfulSignInLeavesNoCountBehindForItsAddress() {
        Person p = staffing.translator("LON");
        long before = db.count(ADDRESS_FAILURES);
        assertEquals(200, login(p.username(), Staffing.PASSWORD).status());
        assertEquals(before, db.count(ADDRESS_FAILURES));
    }
}
