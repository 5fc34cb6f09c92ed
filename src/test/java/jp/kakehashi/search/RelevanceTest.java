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
import java.time.Instant;
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

    /** {@code klass}: the heading the query stands under; {@code staff}: asked signed in (lang ends in +staff). */
    record Judged(String klass, String query, String lang, boolean staff, List<String> relevant,
                  List<String> excluded) {
    }

    @BeforeAll
    void ready() throws InterruptedException {
        reader = new Http(server, json);
        staff = new jp.kakehashi.support.Staffing(reader).admin();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Http.Response r = reader.get("/api/v1/search?q=" + URLEncoder.encode("白河", StandardCharsets.UTF_8));
            if (r.status() == 200 && ((Number) r.map().get("total")).intValue() >= 3) {
                return;
            }
            Thread.sleep(200);
        }
    }

    static List<Judged> judged() throws IOException {
        List<Judged> all = new ArrayList<>();
        String klass = "";
        try (var in = RelevanceTest.class.getResourceAsStream("/relevance/judged_queries.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("# --- ")) {
                    klass = line.substring(6).strip();
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                boolean asStaff = cols[1].endsWith("+staff");
                all.add(new Judged(klass, cols[0], cols[1].replace("+staff", ""), asStaff, List.of(cols[2].split(",")),
                        cols.length > 3 ? List.of(cols[3].split(",")) : List.of()));
            }
        }
        return all;
    }

    @Test
    void judgedQueriesFindEveryRelevantPairInTheTopTen() throws IOException {
        List<Judged> queries = judged();
        assertTrue(queries.size() >= 60, "at least 60 judged queries");
        List<String> failures = new ArrayList<>();
        double ndcgSum = 0;
        double recallSum = 0;
        Map<String, double[]> perClass = new java.util.LinkedHashMap<>();
        for (Judged j : queries) {
            String url = "/api/v1/search?size=10&q=" + URLEncoder.encode(j.query(), StandardCharsets.UTF_8)
                    + (j.lang().equals("any") ? "" : "&lang=" + j.lang());
            Http.Response r = (j.staff() ? staff : reader).get(url);
            assertEquals(200, r.status(), r.body());
            List<String> titles = new ArrayList<>();
            for (Object h : (List<?>) r.map().get("hits")) {
                // a pair is named by its Japanese title, an English-only one by its English title
                Map<?, ?> ja = (Map<?, ?>) ((Map<?, ?>) h).get("ja");
                Map<?, ?> en = (Map<?, ?>) ((Map<?, ?>) h).get("en");
                titles.add(ja != null ? (String) ja.get("title") : en != null ? (String) en.get("title") : "");
            }
            double dcg = 0;
            double ideal = 0;
            int found = 0;
            for (int i = 0; i < titles.size(); i++) {
                String title = titles.get(i);
                if (j.relevant().stream().anyMatch(title::contains)) {
                    dcg += 1 / log2(i + 2);
                }
            }
            for (int i = 0; i < Math.min(10, j.relevant().size()); i++) {
                ideal += 1 / log2(i + 2);
            }
            for (String rel : j.relevant()) {
                found += titles.stream().anyMatch(t -> t.contains(rel)) ? 1 : 0;
            }
            double recall = (double) found / j.relevant().size();
            double ndcg = dcg / ideal;
            recallSum += recall;
            ndcgSum += ndcg;
            perClass.computeIfAbsent(j.klass(), k -> new double[3]);
            perClass.get(j.klass())[0]++;
            perClass.get(j.klass())[1] += recall;
            perClass.get(j.klass())[2] += ndcg;
            List<String> leaked = j.excluded().stream().filter(x -> titles.stream().anyMatch(t -> t.contains(x)))
                    .toList();
            if (recall < 1 || !leaked.isEmpty()) {
                failures.add(j.query() + " [" + j.lang() + "] recall=" + recall + " ndcg=" + String.format("%.2f", ndcg)
                        + " excluded=" + leaked + " got=" + titles);
            }
        }
        double meanNdcg = ndcgSum / queries.size();
        System.out.printf("Relevance: %d queries, mean recall@10 %.3f, mean nDCG@10 %.3f%n", queries.size(),
                recallSum / queries.size(), meanNdcg);
        perClass.forEach((k, v) -> System.out.printf("Relevance class | %s | %d | %.3f | %.3f |%n", k, (int) v[0],
                v[1] / v[0], v[2] / v[0]));
        assertEquals(List.of(), failures);
        assertTrue(meanNdcg >= MIN_MEAN_NDCG, "mean nDCG@10 " + meanNdcg);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
