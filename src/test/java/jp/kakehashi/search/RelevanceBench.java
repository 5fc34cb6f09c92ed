package jp.kakehashi.search;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.bench.SolrLegRunner;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The judged set on the service and, in the same run, on Apache Solr with {@code text_ja} and an
 * English field type (the bench's core, {@code src/bench/solr/home}, with the project's user
 * dictionary and stop lists), fed the same demo pairs in the same two views: recall@10 and nDCG@10
 * per class, side by side. Not part of {@code verify}:
 * {@code ./mvnw -B -q test -Dtest=RelevanceBench -Dbench.relevance=true -Dsurefire.failIfNoSpecifiedTests=false}
 * → {@code target/bench/relevance.json} and a table in the test's output.
 */
@MicronautTest(transactional = false)
@EnabledIfSystemProperty(named = "bench.relevance", matches = "true")
class RelevanceBench extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kakehashi.demo", "true");
    }

    @Test
    void theServiceBesideSolrOnTheJudgedSet() throws Exception {
        Http reader = new Http(server, json);
        Http staff = new Staffing(reader).admin();
        IndexConsistencyTest.caughtUp(server);
        List<JudgedSet.Judged> judged = JudgedSet.load();
        List<JudgedSet.Score> service = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (JudgedSet.Judged j : judged) {
            service.add(JudgedSet.score(j, RelevanceTest.titles(j.staff() ? staff : reader, j.query(), j.lang())));
            lines.add(j.query() + "\t" + j.lang() + "\t" + (j.staff() ? "staff" : "public"));
        }
        Path work = Files.createDirectories(Path.of("target", "bench-data", "relevance-" + System.currentTimeMillis()));
        List<List<String>> rankings = SolrLegRunner.relevance(documents(), lines, work);
        List<JudgedSet.Score> solr = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            solr.add(JudgedSet.score(judged.get(i), rankings.get(i)));
        }
        Map<String, double[]> ours = JudgedSet.byClass(judged, service);
        Map<String, double[]> theirs = JudgedSet.byClass(judged, solr);
        Map<String, Object> out = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("| class | queries | recall@10 service | Solr | nDCG@10 service | Solr |\n"
                + "|---|---|---|---|---|---|\n");
        ours.forEach((k, v) -> {
            double[] s = theirs.get(k);
            out.put(k, Map.of("queries", (int) v[0], "serviceRecall", v[1], "solrRecall", s[1], "serviceNdcg", v[2],
                    "solrNdcg", s[2]));
            table.append(String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f |%n", k, (int) v[0], v[1], s[1], v[2], s[2]));
        });
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "relevance.json"), json.writeValueAsString(out));
        System.out.println(table);
    }

    /** The demo pairs as Solr documents, once per view: released text for readers, current text for staff. */
    private List<Map<String, Object>> documents() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/bulletins.json")) {
            List<Map<String, Object>> entries = json.readValue(in.readAllBytes(),
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
            for (Map<String, Object> e : entries) {
                boolean released = Boolean.TRUE.equals(e.get("released"));
                boolean sourceOnly = Boolean.TRUE.equals(e.get("sourceOnly"));
                Map<?, ?> b = (Map<?, ?>) e.get("bulletin");
                for (Object o : (List<?>) b.get("pairs")) {
                    Map<?, ?> p = (Map<?, ?>) o;
                    docs.add(document(docs.size(), "staff", b, p, false));
                    if (released) {
                        docs.add(document(docs.size(), "public", b, p, sourceOnly));
                    }
                }
            }
        }
        return docs;
    }

    private static Map<String, Object> document(int id, String view, Map<?, ?> b, Map<?, ?> p, boolean sourceOnly) {
        String source = (String) p.get("sourceLang");
        Map<?, ?> ja = source.equals("ja") ? (Map<?, ?>) p.get("source") : sourceOnly ? null : (Map<?, ?>) p.get("target");
        Map<?, ?> en = source.equals("en") ? (Map<?, ?>) p.get("source") : sourceOnly ? null : (Map<?, ?>) p.get("target");
        String published = (String) b.get("publishedOn");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", Integer.toString(id));
        d.put("view", view);
        d.put("name", ja != null ? ja.get("title") : en.get("title"));
        d.put("office", p.get("office"));
        d.put("published", published);
        d.put("year", Integer.parseInt(published.substring(0, 4)));
        if (ja != null) {
            d.put("ja_title", ja.get("title"));
            d.put("ja_body", ja.get("body"));
        }
        if (en != null) {
            d.put("en_title", en.get("title"));
            d.put("en_body", en.get("body"));
        }
        return d;
    }
}
