package jp.kakehashi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bulletins made through the JSON API, with titles no other test uses. */
public final class Fixtures {
    private Fixtures() {
    }

    public record Created(long bulletinId, List<Long> pairIds) {
    }

    /** {@code n} pairs of one office; with {@code translated} they arrive SUBMITTED, else UNASSIGNED. */
    public static Created bulletin(Http editor, String office, int n, boolean translated) {
        return created(post(editor, office, n, translated));
    }

    /** The same request, its answer as it comes (for tests of what happens to a request in flight). */
    public static Http.Response post(Http editor, String office, int n, boolean translated) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> pair = new HashMap<>(Map.of("office", office, "sourceLang", "ja",
                    "source", Map.of("title", "記事" + i + "-" + tag, "body", "白河市の職員がパリを訪問した。" + i)));
            if (translated) {
                pair.put("target", Map.of("title", "Item " + i, "body", "Staff of Shirakawa City visited Paris."));
            }
            pairs.add(pair);
        }
        return editor.postJson("/api/v1/bulletins", Map.of("titleJa", "試験号 " + tag,
                "publishedOn", "2026-11-22", "pairs", pairs));
    }

    /** The bulletin and pair ids of a 201 answer to a bulletin create or import. */
    public static Created created(Http.Response r) {
        assertEquals(201, r.status(), r.body());
        List<Long> ids = new ArrayList<>();
        for (Object p : (List<?>) r.map().get("pairs")) {
            ids.add(((Number) ((Map<?, ?>) p).get("id")).longValue());
        }
        return new Created(((Number) r.map().get("id")).longValue(), ids);
    }

    public static String etag(Http http, long pairId) {
        Http.Response r = http.get("/api/v1/pairs/" + pairId);
        assertEquals(200, r.status(), r.body());
        return r.header("ETag");
    }

    /** A translator's whole turn on a pair: claim it, save {@code title} and {@code body}, submit. */
    public static void submitted(Http translator, long pairId, String title, String body) {
        Http.Response claimed = translator.postJson("/api/v1/pairs/" + pairId + "/claim", Map.of());
        assertEquals(200, claimed.status(), claimed.body());
        Http.Response saved = translator.write("PUT", "/api/v1/pairs/" + pairId + "/target",
                Map.of("title", title, "body", body), etag(translator, pairId));
        assertEquals(200, saved.status(), saved.body());
        Http.Response submitted = translator.postJson("/api/v1/pairs/" + pairId + "/submit", Map.of());
        assertEquals(200, submitted.status(), submitted.body());
    }
}
