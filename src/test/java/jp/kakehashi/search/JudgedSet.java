package jp.kakehashi.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judged queries of {@code relevance/judged_queries.tsv} and how a ranking is scored against them:
 * recall@10 and nDCG@10 with binary relevance, and the excluded pairs returned. Shared by
 * {@link RelevanceTest} (the service) and {@link RelevanceBench} (the service beside Solr).
 */
final class JudgedSet {
    private JudgedSet() {
    }

    /** {@code klass}: the heading the query stands under; {@code staff}: asked signed in (lang ends in +staff). */
    record Judged(String klass, String query, String lang, boolean staff, List<String> relevant,
                  List<String> excluded) {
    }

    record Score(double recall, double ndcg, List<String> leaked) {
        boolean passes() {
            return recall == 1 && leaked.isEmpty();
        }
    }

    static List<Judged> load() throws IOException {
        List<Judged> all = new ArrayList<>();
        String klass = "";
        try (var in = JudgedSet.class.getResourceAsStream("/relevance/judged_queries.tsv")) {
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

    /** {@code titles}: the names of the pairs returned, best first (a pair is named by a part of its title). */
    static Score score(Judged j, List<String> titles) {
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
        List<String> leaked = j.excluded().stream().filter(x -> titles.stream().anyMatch(t -> t.contains(x))).toList();
        return new Score((double) found / j.relevant().size(), dcg / ideal, leaked);
    }

    /** Per class in file order: {queries, mean recall@10, mean nDCG@10}, and "all" last. */
    static Map<String, double[]> byClass(List<Judged> judged, List<Score> scores) {
        Map<String, double[]> classes = new LinkedHashMap<>();
        for (int i = 0; i < judged.size(); i++) {
            for (String k : List.of(judged.get(i).klass(), "all")) {
                double[] c = classes.computeIfAbsent(k, x -> new double[3]);
                c[0]++;
                c[1] += scores.get(i).recall();
                c[2] += scores.get(i).ndcg();
            }
        }
        classes.put("all", classes.remove("all"));
        classes.values().forEach(c -> {
            c[1] /= c[0];
            c[2] /= c[0];
        });
        return classes;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
