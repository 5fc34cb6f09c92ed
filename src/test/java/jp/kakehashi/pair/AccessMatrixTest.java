package jp.kakehashi.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing.Person;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Endpoint × person × pair state → the exact status, written out by hand from docs/design/workflow.md and
 * docs/api.md (not computed from the code under test). Every cell gets a pair of its own, so a
 * successful write in one cell cannot change another.
 */
@MicronautTest(transactional = false)
class AccessMatrixTest extends ServiceTest {
    /** Columns of every row below, in this order. */
    enum Who { ANONYMOUS, TRANSLATOR_OF_OFFICE, TRANSLATOR_ELSEWHERE, EDITOR_OF_OFFICE, EDITOR_ELSEWHERE, ADMIN }

    enum State { UNASSIGNED, CLAIMED_BY_SOMEONE_ELSE, SUBMITTED, RELEASED }

    private static final Map<String, Map<State, String>> EXPECTED = Map.of(
            "GET pair", rows("404 200 200 200 200 200", "404 200 200 200 200 200", "404 200 200 200 200 200",
                    "200 200 200 200 200 200"),
            "GET history", all("401 200 200 200 200 200"),
            "GET office status", all("401 200 200 200 200 200"),
            "POST claim", rows("401 200 403 200 403 403", "401 409 403 409 403 403", "401 409 403 409 403 403",
                    "401 409 403 409 403 403"),
            "PUT target", rows("401 409 403 409 403 403", "401 423 403 200 403 403", "401 409 403 409 403 403",
                    "401 409 403 409 403 403"),
            "POST approve", rows("401 409 403 409 403 403", "401 409 403 409 403 403", "401 403 403 200 403 403",
                    "401 409 403 409 403 403"),
            "POST cancel", rows("401 403 403 200 403 403", "401 403 403 200 403 403", "401 403 403 200 403 403",
                    "401 409 403 409 403 403"),
            "POST release bulletin", all("401 403 403 409 403 403"));

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Staffing staffing;
    final Map<Who, Http> people = new EnumMap<>(Who.class);
    Person importer;
    Person approver;
    Person holder;

    @BeforeAll
    void setUp() {
        Http anonymous = new Http(server, json);
        staffing = new Staffing(anonymous);
        people.put(Who.ANONYMOUS, anonymous);
        people.put(Who.TRANSLATOR_OF_OFFICE, staffing.translator("LON").http());
        people.put(Who.TRANSLATOR_ELSEWHERE, staffing.translator("SEL").http());
        people.put(Who.EDITOR_OF_OFFICE, staffing.editor("LON").http());
        people.put(Who.EDITOR_ELSEWHERE, staffing.editor("SEL").http());
        people.put(Who.ADMIN, staffing.admin());
        importer = staffing.editor("LON");
        approver = staffing.editor("LON");
        holder = staffing.translator("LON");
    }

    private static Map<State, String> rows(String unassigned, String claimed, String submitted, String released) {
        return Map.of(State.UNASSIGNED, unassigned, State.CLAIMED_BY_SOMEONE_ELSE, claimed, State.SUBMITTED,
                submitted, State.RELEASED, released);
    }

    private static Map<State, String> all(String row) {
        return rows(row, row, row, row);
    }

    /** One bulletin per state with one pair per (endpoint, person) cell, driven into that state. */
    private Fixtures.Created prepare(State state, int cells) {
        boolean translated = state == State.SUBMITTED || state == State.RELEASED;
        Fixtures.Created b = Fixtures.bulletin(importer.http(), "LON", cells, translated);
        for (long id : b.pairIds()) {
            if (state == State.CLAIMED_BY_SOMEONE_ELSE) {
                assertEquals(200, holder.http().postJson("/api/v1/pairs/" + id + "/claim", Map.of()).status());
            } else if (state == State.RELEASED) {
                assertEquals(200, approver.http().postJson("/api/v1/pairs/" + id + "/approve", Map.of()).status());
            }
        }
        if (state == State.RELEASED) {
            assertEquals(200, approver.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release", Map.of())
                    .status());
        }
        return b;
    }

    private Http.Response call(String endpoint, Http http, long pair, long bulletin) {
        return switch (endpoint) {
            case "GET pair" -> http.get("/api/v1/pairs/" + pair);
            case "GET history" -> http.get("/api/v1/pairs/" + pair + "/history");
            case "GET office status" -> http.get("/api/v1/offices/LON/status");
            case "POST claim" -> http.postJson("/api/v1/pairs/" + pair + "/claim", Map.of());
            case "POST approve" -> http.postJson("/api/v1/pairs/" + pair + "/approve", Map.of());
            case "POST cancel" -> http.postJson("/api/v1/pairs/" + pair + "/cancel", Map.of("reason", "matrix"));
            case "PUT target" -> http.write("PUT", "/api/v1/pairs/" + pair + "/target",
                    Map.of("title", "t", "body", "b"), Fixtures.etag(approver.http(), pair));
            case "POST release bulletin" -> http.postJson("/api/v1/bulletins/" + bulletin + "/release", Map.of());
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    @Test
    void everyEndpointAnswersEveryPersonInEveryStateExactlyAsSpecified() {
        List<String> endpoints = new ArrayList<>(EXPECTED.keySet());
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (State state : State.values()) {
            Fixtures.Created b = prepare(state, endpoints.size() * Who.values().length);
            int i = 0;
            for (String endpoint : endpoints) {
                String[] expected = EXPECTED.get(endpoint).get(state).split(" ");
                for (Who who : Who.values()) {
                    long pair = b.pairIds().get(i++);
                    Http.Response r = call(endpoint, people.get(who), pair, b.bulletinId());
                    cells++;
                    if (r.status() != Integer.parseInt(expected[who.ordinal()])) {
                        mismatches.add(endpoint + " / " + who + " / " + state + ": expected " + expected[who.ordinal()]
                                + " got " + r.status() + " " + r.body());
                    }
                    if (r.status() >= 400) {
                        assertTrue(r.contentType().startsWith("application/problem+json"), endpoint + " " + who);
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(EXPECTED.size() * 6 * 4, cells);
    }

    @Test
    void accountAndImportEndpointsAreForTheirRolesOnly() {
        String[] expectedUsers = "401 403 403 403 403 201".split(" ");
        String[] expectedImport = "401 403 403 201 201 403".split(" ");
        for (Who who : Who.values()) {
            Http http = people.get(who);
            Http.Response user = http.postJson("/api/v1/users", Map.of("username", "m-" + System.nanoTime(),
                    "password", Staffing.PASSWORD, "roles", List.of("TRANSLATOR"), "offices", List.of("LON")));
            assertEquals(Integer.parseInt(expectedUsers[who.ordinal()]), user.status(), who + " " + user.body());
            Http.Response imported = http.postJson("/api/v1/bulletins", Map.of("titleJa", "権限", "publishedOn",
                    "2026-11-22", "pairs", List.of(Map.of("office", "LON", "sourceLang", "ja", "source",
                            Map.of("title", "権限試験 " + System.nanoTime(), "body", "本文")))));
            assertEquals(Integer.parseInt(expectedImport[who.ordinal()]), imported.status(), who + " " + imported.body());
        }
    }

    @Test
    void pathTricksNeverReachAProtectedActionAnonymouslyOrForAnotherOffice() {
        long pair = prepare(State.UNASSIGNED, 1).pairIds().getFirst();
        List<String> tricks = List.of("/api/v1/pairs/" + pair + "%2Fclaim", "//api/v1/pairs/" + pair + "/claim",
                "/api/v1//pairs/" + pair + "/claim", "/api/v1/pairs/" + pair + "/claim;x",
                "/api/v1/pairs/" + pair + ";x/claim", "/api/v1/pairs/" + pair + "/CLAIM", "/API/V1/pairs/" + pair + "/claim",
                "/api/v1/pairs/" + pair + "/./claim", "/api/v1/pairs/x/../" + pair + "/claim",
                "/api/v1/pairs/" + pair + "/claim/", "/api/v1/pairs//claim", "/api/v1/pairs/%20/claim",
                "/api/v1/pairs/" + pair + "%2F..%2F" + pair + "/claim", "/api/v1/users/", "/api/v1//users",
                "/api/v1/Users", "/api/v1/users;x", "/api/v1/users%2F");
        for (Who who : List.of(Who.ANONYMOUS, Who.TRANSLATOR_ELSEWHERE, Who.EDITOR_ELSEWHERE)) {
            for (String path : tricks) {
                Http.Response r = people.get(who).send(HttpRequest.newBuilder(URI.create(
                        people.get(who).base().toString().replaceAll("/$", "") + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"trick\",\"password\":\"x\"}")));
                assertTrue(r.status() >= 400 && r.status() < 500, who + " " + path + " → " + r.status());
            }
        }
        assertEquals("UNASSIGNED", people.get(Who.EDITOR_OF_OFFICE).get("/api/v1/pairs/" + pair).map().get("status"),
                "no trick claimed the pair");
    }
}
