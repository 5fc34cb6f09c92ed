package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The judged query set of {@code relevance/judged_queries.tsv} over the demo content, as a reader:
 * recall@10 and nDCG@10 (binary relevance) per query and on average, and the precision cases.
 * Thresholds (docs/design/search.md): every query recall@10 = 1, mean nDCG@10 ≥ 0.9, no excluded pair returned.
 */
@MicronautTest(transactional = false)
class RelevanceTest extends ServiceTest {
    static final double MIN_MEAN_NDCG = 0.9;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Http reader;
    Http staff;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kakehashi.demo", "true");
    }

    @BeforeAll
    void ready() throws InterruptedException {
        reader = new Http(server, json);
        staff = new jp.kakehashi.support.Staffing(reader).admin();
        IndexConsistencyTest.caughtUp(server);
    }

    @Test
    void judgedQueriesFindEveryRelevantPairInTheTopTen() throws IOException {
        List<JudgedSet.Judged> queries = JudgedSet.load();
        assertTrue(queries.size() >= 150, "at least 150 judged queries");
        List<String> failures = new ArrayList<>();
        List<JudgedSet.Score> scores = new ArrayList<>();
        for (JudgedSet.Judged j : queries) {
            List<String> titles = titles(j.staff() ? staff : reader, j.query(), j.lang());
            JudgedSet.Score score = JudgedSet.score(j, titles);
            scores.add(score);
            if (!score.passes()) {
                failures.add(j.query() + " [" + j.lang() + "] recall=" + score.recall() + " ndcg="
                        + String.format("%.2f", score.ndcg()) + " excluded=" + score.leaked() + " got=" + titles);
            }
        }
        Map<String, double[]> classes = JudgedSet.byClass(queries, scores);
        classes.forEach((k, v) -> System.out.printf("Relevance class | %s | %d | %.3f | %.3f |%n", k, (int) v[0],
                v[1], v[2]));
        assertEquals(List.of(), failures);
        assertTrue(classes.get("all")[2] >= MIN_MEAN_NDCG, "mean nDCG@10 " + classes.get("all")[2]);
    }

    /** The names of the pairs a query returns, best first: the Japanese title, else the English one. */
    static List<String> titles(Http http, String query, String lang) {
        String url = "/api/v1/search?size=10&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (lang.equals("any") ? "" : "&lang=" + lang);
        Http.Response r = http.get(url);
        assertEquals(200, r.status(), r.body());
        List<String> titles = new ArrayList<>();
        for (Object h : (List<?>) r.map().get("hits")) {
            Map<?, ?> ja = (Map<?, ?>) ((Map<?, ?>) h).get("ja");
            Map<?, ?> en = (Map<?, ?>) ((Map<?, ?>) h).get("en");
            titles.add(ja != null ? (String) ja.get("title") : en != null ? (String) en.get("title") : "");
        }
        return titles;
    }
}
