package jp.kakehashi.cluster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Staffing.Person;

/**
 * The work of an office through the balancer, bounded by {@link #stop}: readers searching,
 * translators claiming pairs, saving three drafts of each and submitting, an editor approving what
 * was submitted. Every answer is counted against the phase it came back in; what the service
 * acknowledged (2xx) is kept, to be found again in the database afterwards. A draft answered 5xx
 * or not at all may have been written all the same (a database node killed while it committed:
 * the client cannot know), so it is kept apart as uncertain; one answered 4xx was not written.
 */
final class ClusterLoad {
    /** Client threads: two readers, four translators, one editor. */
    static final int THREADS = 7;
    private static final int OK = 0;
    private static final int REFUSED = 1;
    private static final int FAILED = 2;
    private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");
    private volatile String phase = "start";
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicLongArray> counts = new ConcurrentHashMap<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    /** Refusals (4xx) by status and problem code. */
    final Map<String, Long> refusals = new ConcurrentHashMap<>();
    /** Successful claims per pair: more than one is a double claim. */
    final Map<Long, List<Long>> claims = new ConcurrentHashMap<>();
    /** The last draft each pair was acknowledged with. */
    final Map<Long, String> drafts = new ConcurrentHashMap<>();
    /**
     * Drafts sent after a pair's last acknowledged one whose answer was a failure (5xx, none):
     * written or not, nobody was told. One translator's thread writes a pair's drafts in turn.
     */
    final Map<Long, Set<String>> uncertain = new ConcurrentHashMap<>();
    final Queue<Long> submitted = new ConcurrentLinkedQueue<>();
    final Map<Long, Boolean> approved = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    void phase(String name) {
        phase = name;
    }

    void start(Http anonymous, List<Person> translators, Person editor, List<Long> pairs) {
        for (int r = 0; r < 2; r++) {
            loop(() -> call(() -> anonymous.get("/api/v1/search?q=" + URLEncoder.encode("白河", StandardCharsets.UTF_8))));
        }
        for (Person t : translators) {
            loop(() -> translate(t, pairs.get(ThreadLocalRandom.current().nextInt(pairs.size()))));
        }
        loop(() -> {
            Long pair = submitted.poll();
            if (pair == null) {
                pause(20);
            } else if (call(() -> editor.http().postJson("/api/v1/pairs/" + pair + "/approve", Map.of())) == OK) {
                approved.put(pair, true);
            }
        });
    }

    private void translate(Person t, long pair) {
        Http http = t.http();
        if (call(() -> http.postJson("/api/v1/pairs/" + pair + "/claim", Map.of())) != OK) {
            return;
        }
        claims.computeIfAbsent(pair, p -> new CopyOnWriteArrayList<>()).add(t.id());
        for (int n = 0; n < 3 && running.get(); n++) {
            String token = "zq" + pair + "w" + n;
            Http.Response read = http.get("/api/v1/pairs/" + pair);
            if (status(read.status()) != OK) {
                if (count(read.status()) == REFUSED) {
                    refused(read);
                }
                continue;
            }
            Map<String, Object> draft = Map.of("title", "Item " + token, "body", "Draft " + token + " of the visit.");
            int answer = call(() -> http.write("PUT", "/api/v1/pairs/" + pair + "/target", draft, read.header("ETag")));
            if (answer == OK) {
                drafts.put(pair, token);
                uncertain.remove(pair);
            } else if (answer == FAILED) {
                uncertain.computeIfAbsent(pair, p -> ConcurrentHashMap.newKeySet()).add(token);
            }
        }
        if (drafts.containsKey(pair) && call(() -> http.postJson("/api/v1/pairs/" + pair + "/submit", Map.of())) == OK) {
            submitted.add(pair);
        }
    }

    private void loop(Runnable work) {
        threads.add(Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                work.run();
                pause(10);
            }
        }));
    }

    /** One request: 2xx ok; 4xx refused (a pair claimed meanwhile, a stale ETag); 5xx or no answer failed. */
    private int call(Supplier<Http.Response> request) {
        try {
            Http.Response r = request.get();
            int s = count(r.status());
            if (s == FAILED) {
                failures.add(phase + ": " + r.status() + " " + r.body());
            } else if (s == REFUSED) {
                refused(r);
            }
            return s;
        } catch (RuntimeException e) {
            counts.computeIfAbsent(phase, p -> new AtomicLongArray(3)).incrementAndGet(FAILED);
            failures.add(phase + ": " + e);
            return FAILED;
        }
    }

    private void refused(Http.Response r) {
        Matcher code = CODE.matcher(r.body());
        refusals.merge(r.status() + (code.find() ? " " + code.group(1) : ""), 1L, Long::sum);
    }

    private int count(int status) {
        int s = status(status);
        counts.computeIfAbsent(phase, p -> new AtomicLongArray(3)).incrementAndGet(s);
        return s;
    }

    private static int status(int status) {
        return status < 400 ? OK : status < 500 ? REFUSED : FAILED;
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(60_000);
        }
    }

    /** Phase → {ok, refused, failed}, in the order the phases are named. */
    Map<String, long[]> counts() {
        Map<String, long[]> out = new TreeMap<>();
        counts.forEach((p, a) -> out.put(p, new long[] {a.get(OK), a.get(REFUSED), a.get(FAILED)}));
        return out;
    }

    long failed(String phase) {
        AtomicLongArray a = counts.get(phase);
        return a == null ? 0 : a.get(FAILED);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
