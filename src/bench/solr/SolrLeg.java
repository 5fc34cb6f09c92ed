import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.core.CoreContainer;

/**
 * The Solr leg of the search benchmark, run by SearchBench in its own JVM on Solr's own classpath
 * (target/solr-lib) with the source launcher:
 * {@code java -cp 'target/solr-lib/*' src/bench/solr/SolrLeg.java <solr home> <docs.jsonl> <queries.txt> <out.json> [passes]}.
 * Indexes the same documents as the other legs through EmbeddedSolrServer (batches of 1,000, one
 * commit; {@code -} instead of the file queries the core as an earlier run left it), then runs
 * the same query mix {@code passes} times (top 10, two highlighted body fields, office/year facets)
 * and keeps the latencies of all but the first; an empty queries file makes it an indexing leg only.
 * A sixth argument {@code optimize} first merges the core into one segment, as the service merges a
 * rebuilt index; {@code relevance} instead ranks the judged queries (see {@code rank}).
 */
public class SolrLeg {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("solr", org.apache.solr.core.SolrCore.class.getPackage().getImplementationVersion());
        // Closing the embedded server shuts its core container down.
        try (EmbeddedSolrServer solr = new EmbeddedSolrServer(CoreContainer.createAndLoad(home), "pairs")) {
            if (!args[1].equals("-")) {
                index(solr, json, Path.of(args[1]), out);
            }
            List<String> queries = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
            if (args.length > 5 && args[5].equals("optimize")) {
                long start = System.nanoTime();
                solr.optimize(true, true, 1);
                out.put("optimizeSeconds", (System.nanoTime() - start) / 1e9);
            }
            if (args.length > 5 && args[5].equals("relevance")) {
                rank(solr, queries, out);
            } else if (!queries.isEmpty()) {
                query(solr, queries, args.length > 4 ? Integer.parseInt(args[4]) : 2, out);
            }
        }
        Files.writeString(Path.of(args[3]), json.writeValueAsString(out));
        // Solr's shard-request client pools are non-daemon threads nobody stops in embedded use.
        System.exit(0);
    }

    /** The mix {@code passes} times; the first pass warms up, the others are timed. */
    private static void query(EmbeddedSolrServer solr, List<String> queries, int passes, Map<String, Object> out)
            throws Exception {
        double[] ms = new double[queries.size() * (passes - 1)];
        long hits = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < queries.size(); i++) {
                ModifiableSolrParams p = new ModifiableSolrParams();
                p.set("q", queries.get(i));
                long t0 = System.nanoTime();
                var response = solr.query(p);
                if (pass > 0) {
                    ms[(pass - 1) * queries.size() + i] = (System.nanoTime() - t0) / 1e6;
                }
                hits += response.getResults().getNumFound() > 0 ? 1 : 0;
            }
        }
        out.put("queriesWithHits", hits / passes);
        try (var core = solr.getCoreContainer().getCore("pairs")) {
            out.put("segments", core.withSearcher(s -> s.getIndexReader().leaves().size()));
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        Map<String, Double> pct = new LinkedHashMap<>();
        for (int q : new int[] {50, 95, 99}) {
            pct.put("p" + q, Math.round(sorted[Math.min(sorted.length - 1,
                    (int) Math.ceil(q / 100.0 * sorted.length) - 1)] * 100) / 100.0);
        }
        out.put("queryMs", pct);
    }

    /**
     * The judged set (RelevanceBench): each line {@code query<TAB>lang<TAB>view}, the top 10 names with
     * the fields of the asked language only and the asker's view as a filter.
     */
    private static void rank(EmbeddedSolrServer solr, List<String> lines, Map<String, Object> out) throws Exception {
        List<List<String>> rankings = new ArrayList<>();
        for (String line : lines) {
            String[] q = line.split("\t");
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("q", q[0]);
            p.set("fq", "view:" + q[2]);
            p.set("rows", 10);
            p.set("fl", "name");
            p.set("hl", false);
            p.set("facet", false);
            if (!q[1].equals("any")) {
                p.set("qf", q[1] + "_title^3 " + q[1] + "_body " + q[1] + "_read^0.6");
            }
            List<String> names = new ArrayList<>();
            solr.query(p).getResults().forEach(d -> names.add((String) d.getFieldValue("name")));
            rankings.add(names);
        }
        out.put("rankings", rankings);
    }

    private static void index(EmbeddedSolrServer solr, ObjectMapper json, Path docs, Map<String, Object> out)
            throws Exception {
        long n = 0;
        long start = System.nanoTime();
        List<SolrInputDocument> batch = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(docs, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode d = json.readTree(line);
                SolrInputDocument doc = new SolrInputDocument();
                d.properties().forEach(f -> doc.addField(f.getKey(),
                        f.getValue().isInt() ? (Object) f.getValue().intValue() : f.getValue().asText()));
                batch.add(doc);
                n++;
                if (batch.size() == 1000) {
                    solr.add(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            solr.add(batch);
        }
        solr.commit(true, true);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.put("documents", n);
        out.put("indexSeconds", seconds);
    }
}
