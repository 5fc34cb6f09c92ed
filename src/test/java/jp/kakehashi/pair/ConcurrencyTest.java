package jp.kakehashi.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.kakehashi.support.AtOnce;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing.Person;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The concurrency table of docs/design/consistency.md, over real HTTP and MariaDB with virtual-thread clients. */
@MicronautTest(transactional = false)
class ConcurrencyTest extends ServiceTest {
    private static final int TRANSLATORS = 64;
    private static final int PAIRS = 1000;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    Db db;
    Staffing staffing;
    List<Person> translators;
    Person editor;

    @BeforeAll
    void setUp() throws Exception {
        db = new Db(dataSource);
        staffing = new Staffing(new Http(server, json));
        editor = staffing.editor("NYC");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Person>> people = new ArrayList<>();
            for (int i = 0; i < TRANSLATORS; i++) {
                people.add(pool.submit(() -> staffing.translator("NYC")));
            }
            translators = new ArrayList<>();
            for (Future<Person> p : people) {
                translators.add(p.get());
            }
        }
    }

    @Test
    void sixtyFourTranslatorsRacingOverAThousandPairsNeverShareAPair() throws Exception {
        List<Long> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS / 200; i++) {
            pairs.addAll(Fixtures.bulletin(editor.http(), "NYC", 200, false).pairIds());
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> wonClaims = new ConcurrentHashMap<>();
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Person t : translators) {
                pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (Instant.now().isBefore(end)) {
                        long pair = pairs.get(random.nextInt(pairs.size()));
                        Http.Response r = t.http().postJson("/api/v1/pairs/" + pair + "/claim", Map.of());
                        statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.status() == 200) {
                            wonClaims.computeIfAbsent(pair, k -> new AtomicInteger()).incrementAndGet();
                            if (random.nextBoolean()) {
                                Http.Response released = t.http().postJson("/api/v1/pairs/" + pair + "/unclaim",
                                        Map.of());
                                statuses.computeIfAbsent(released.status(), k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    }
                    return null;
                });
            }
        }
        Map<Integer, Integer> seen = new HashMap<>();
        statuses.forEach((k, v) -> seen.put(k, v.get()));
        assertEquals(Collections.emptySet(), withoutExpected(seen), "only 200 and 409, never 500: " + seen);
        assertTrue(seen.getOrDefault(409, 0) > 0, "the race was real: " + seen);

        String in = String.join(",", pairs.stream().map(String::valueOf).toList());
        List<Object[]> events = db.rows("SELECT pair_id, actor_name, action FROM audit_event WHERE pair_id IN (" + in
                + ") AND action IN ('claim', 'unclaim') ORDER BY pair_id, id");
        Map<Long, String> holder = new HashMap<>();
        Map<Long, Integer> claims = new HashMap<>();
        int doubleHolders = 0;
        for (Object[] e : events) {
            long pair = ((Number) e[0]).longValue();
            String actor = (String) e[1];
            if ("claim".equals(e[2])) {
                doubleHolders += holder.containsKey(pair) ? 1 : 0;
                holder.put(pair, actor);
                claims.merge(pair, 1, Integer::sum);
            } else {
                assertEquals(holder.remove(pair), actor, "only the holder released pair " + pair);
            }
        }
        assertEquals(0, doubleHolders, "pairs claimed while already held");
        Map<Long, Integer> won = new HashMap<>();
        wonClaims.forEach((k, v) -> won.put(k, v.get()));
        assertEquals(won, claims, "every 2xx claim is exactly one audited claim");
        for (Object[] row : db.rows("SELECT p.id, u.username FROM doc_pair p JOIN app_user u ON u.id = p.assignee_id"
                + " WHERE p.status = 'CLAIMED' AND p.id IN (" + in + ")")) {
            assertEquals(holder.get(((Number) row[0]).longValue()), row[1]);
        }
    }

    @Test
    void twoHundredSimultaneousClaimsOfOnePairHaveExactlyOneWinner() throws Exception {
        long pair = Fixtures.bulletin(editor.http(), "NYC", 1, false).pairIds().getFirst();
        List<Integer> statuses = race(200, i -> translators.get(i % TRANSLATORS).http()
                .postJson("/api/v1/pairs/" + pair + "/claim", Map.of()));
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(199, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_event WHERE pair_id = ? AND action = 'claim'", pair));
    }

    @Test
    void twentySimultaneousReleasesOfOneBulletinReleaseItOnce() throws Exception {
        Person importer = staffing.editor("NYC");
        var b = Fixtures.bulletin(importer.http(), "NYC", 5, true);
        for (long id : b.pairIds()) {
            assertEquals(200, editor.http().postJson("/api/v1/pairs/" + id + "/approve", Map.of()).status());
        }
        List<Integer> statuses = race(20, i -> (i % 2 == 0 ? editor : importer).http()
                .postJson("/api/v1/bulletins/" + b.bulletinId() + "/release", Map.of()));
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_event WHERE bulletin_id = ? AND action = 'bulletin_release'",
                b.bulletinId()));
        assertEquals(5, db.count("SELECT COUNT(*) FROM audit_event WHERE bulletin_id = ? AND action = 'release'",
                b.bulletinId()));
    }

    @Test
    void anEditorApprovingWhileTheTranslatorSavesLosesNoUpdate() throws Exception {
        long pair = Fixtures.bulletin(editor.http(), "NYC", 1, false).pairIds().getFirst();
        Person t = translators.getFirst();
        assertEquals(200, t.http().postJson("/api/v1/pairs/" + pair + "/claim", Map.of()).status());
        String etag = Fixtures.etag(t.http(), pair);
        List<Integer> statuses = race(2, i -> i == 0
                ? t.http().write("PUT", "/api/v1/pairs/" + pair + "/target", Map.of("title", "A", "body", "by translator"),
                        etag)
                : editor.http().write("PUT", "/api/v1/pairs/" + pair + "/target", Map.of("title", "B", "body", "by editor"),
                        etag));
        Collections.sort(statuses);
        assertEquals(List.of(200, 412), statuses, "one write wins, the stale one is refused");
        assertEquals(1, db.count("SELECT COUNT(*) FROM target_revision WHERE pair_id = ?", pair));
    }

    private static List<Integer> race(int n, IntFunction<Http.Response> request) throws Exception {
        return AtOnce.send(n, request).stream().map(Http.Response::status)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static java.util.Set<Integer> withoutExpected(Map<Integer, Integer> seen) {
        java.util.Set<Integer> rest = new java.util.HashSet<>(seen.keySet());
        rest.removeAll(List.of(200, 409));
        return rest;
    }
}
