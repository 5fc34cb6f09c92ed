package jp.kakehashi.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Staffing;

/**
 * Workflow throughput: virtual users each run claim → save → submit → approve cycles over HTTP
 * (a translator and an editor of one office per user, so four-eyes holds), one in eight claims
 * aimed at the pair another user is on (refused when that user already holds it; when the thief is
 * first, the owner's claim is refused instead). Afterwards the database is checked:
 * no pair claimed twice, every approved pair carries exactly the text its one claimant saved.
 * {@link RawJdbcWorkflow} does the same conditional UPDATEs straight on MariaDB: the limit.
 */
public final class WorkflowBench {
    private static final String[] OFFICES = {"PAR", "LON", "SIN", "NYC", "SYD", "SEL", "BEJ", "TYO"};

    private WorkflowBench() {
    }

    /**
     * {@code settle} runs once the users and their pairs exist, before the clock starts: creating 6,400
     * pairs over HTTP leaves the service indexing them, which would otherwise fall into the timed window.
     * It returns the seconds it waited.
     */
    public static Map<String, Object> run(Http http, DataSource dataSource, int users, Duration duration,
                                          int pairsPerOffice, Callable<Double> settle) throws Exception {
        Staffing staffing = new Staffing(http);
        List<Staffing.Person> translators = new ArrayList<>();
        List<Staffing.Person> editors = new ArrayList<>();
        Map<String, ConcurrentLinkedQueue<Long>> queues = new ConcurrentHashMap<>();
        for (int i = 0; i < users; i++) {
            String office = OFFICES[i % OFFICES.length];
            translators.add(staffing.translator(office));
            editors.add(staffing.editor(office));
        }
        for (String office : OFFICES) {
            ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>();
            for (int made = 0; made < pairsPerOffice; made += 200) {
                queue.addAll(Fixtures.bulletin(editors.get(0).http(), office, Math.min(200, pairsPerOffice - made),
                        false).pairIds());
            }
            queues.put(office, queue);
        }
        Map<Long, String> saved = new ConcurrentHashMap<>();
        Map<Long, Long> recent = new ConcurrentHashMap<>();
        AtomicLong writes = new AtomicLong();
        AtomicLong cycles = new AtomicLong();
        AtomicLong refusedClaims = new AtomicLong();
        AtomicLong unexpected = new AtomicLong();
        AtomicLong racesLost = new AtomicLong();
        double settled = settle.call();
        ServerCounters counters = ServerCounters.start(new Db(dataSource));
        long deadline = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < users; u++) {
                Staffing.Person translator = translators.get(u);
                Http editor = editors.get(u).http();
                ConcurrentLinkedQueue<Long> queue = queues.get(OFFICES[u % OFFICES.length]);
                int user = u;
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        if (ThreadLocalRandom.current().nextInt(8) == 0) {
                            Long taken = recent.get((long) ((user + 8) % users));
                            if (taken != null && translator.http().postJson("/api/v1/pairs/" + taken + "/claim",
                                    Map.of()).status() == 409) {
                                refusedClaims.incrementAndGet();
                            }
                        }
                        Long pair = queue.poll();
                        if (pair == null) {
                            return;
                        }
                        recent.put((long) user, pair);
                        switch (cycle(translator.http(), editor, pair, saved, writes)) {
                            case DONE -> cycles.incrementAndGet();
                            case LOST_CLAIM -> racesLost.incrementAndGet();
                            case FAILED -> unexpected.incrementAndGet();
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> statements = counters.perTransition(writes.get());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("users", users);
        r.put("quietSecondsBefore", settled);
        r.put("seconds", Math.round(seconds * 10) / 10.0);
        r.put("cycles", cycles.get());
        r.put("cyclesPerSecond", Math.round(cycles.get() / seconds * 10) / 10.0);
        r.put("transitionsPerSecond", Math.round(writes.get() / seconds * 10) / 10.0);
        r.put("refusedStolenClaims", refusedClaims.get());
        r.put("claimRacesLost", racesLost.get());
        r.put("unexpectedAnswers", unexpected.get());
        r.put("mariaDbStatementsPerTransition", statements);
        r.putAll(invariants(new Db(dataSource), saved));
        return r;
    }

    private enum Outcome { DONE, LOST_CLAIM, FAILED }

    /**
     * One pair through its whole translation. A 409 on the claim is a race lost to another user's
     * stolen claim (that user got there first, which is the point); any other wrong answer fails.
     */
    private static Outcome cycle(Http translator, Http editor, long pair, Map<Long, String> saved, AtomicLong writes) {
        Http.Response claim = translator.postJson("/api/v1/pairs/" + pair + "/claim", Map.of());
        if (claim.status() == 409) {
            return Outcome.LOST_CLAIM;
        }
        if (claim.status() != 200) {
            return Outcome.FAILED;
        }
        String text = "Staff of Shirakawa City visited Paris (" + pair + "/" + Thread.currentThread().threadId() + ").";
        Http.Response save = translator.write("PUT", "/api/v1/pairs/" + pair + "/target",
                Map.of("title", "Visit " + pair, "body", text), claim.header("ETag"));
        if (save.status() != 200) {
            return Outcome.FAILED;
        }
        saved.put(pair, text);
        Http.Response submit = translator.write("POST", "/api/v1/pairs/" + pair + "/submit", Map.of(), save.header("ETag"));
        Http.Response approve = submit.status() == 200
                ? editor.write("POST", "/api/v1/pairs/" + pair + "/approve", Map.of(), submit.header("ETag")) : submit;
        writes.addAndGet(2 + (submit.status() == 200 ? 1 : 0) + (approve.status() == 200 ? 1 : 0));
        return approve.status() == 200 ? Outcome.DONE : Outcome.FAILED;
    }

    private static Map<String, Object> invariants(Db db, Map<Long, String> saved) {
        long doubleClaims = 0;
        long lostUpdates = 0;
        for (var e : saved.entrySet()) {
            long pair = e.getKey();
            doubleClaims += Math.max(0, db.count(
                    "SELECT COUNT(*) FROM audit_event WHERE pair_id = ? AND action = 'claim'", pair) - 1);
            long kept = db.count("SELECT COUNT(*) FROM target_revision t JOIN doc_pair p ON p.id = t.pair_id"
                    + " AND p.target_revision = t.revision WHERE p.id = ? AND p.status = 'APPROVED' AND t.body = ?",
                    pair, e.getValue());
            lostUpdates += kept == 1 ? 0 : 1;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("doubleClaims", doubleClaims);
        r.put("lostUpdates", lostUpdates);
        return r;
    }
}
