package jp.kakehashi.bench;

import io.micronaut.json.JsonMapper;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.bulletin.CreateBulletinCommand;
import jp.kakehashi.support.ChildJvm;

/**
 * Feeds the benchmark corpus and query mix to Apache Solr in its own JVM ({@code src/bench/solr}):
 * Solr's classpath is fetched by its own pom into {@code target/solr-lib}, the core's configuration
 * is copied with the project's dictionary and word lists, and {@code SolrLeg.java} runs through the
 * JDK's source launcher. Answers Solr's own figures (index seconds, query percentiles).
 */
public final class SolrLegRunner {
    private static final String DOCS = "solr-docs.jsonl";

    private SolrLegRunner() {
    }

    public static Map<String, Object> run(List<CreateBulletinCommand> corpus, List<String> queries, Path work)
            throws IOException, InterruptedException {
        Path lib = libraries(work);
        Path home = home(work);
        JsonMapper json = JsonMapper.createDefault();
        Path docs = work.resolve(DOCS);
        try (Writer out = Files.newBufferedWriter(docs, StandardCharsets.UTF_8)) {
            int id = 0;
            for (CreateBulletinCommand b : corpus) {
                for (var p : b.pairList()) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("id", Integer.toString(++id));
                    d.put("office", p.office());
                    d.put("published", b.publishedOn().toString());
                    d.put("year", b.publishedOn().getYear());
                    d.put("status", "SUBMITTED");
                    d.put("ja_title", p.source().title());
                    d.put("ja_body", p.source().body());
                    d.put("en_title", p.target().title());
                    d.put("en_body", p.target().body());
                    out.write(json.writeValueAsString(d));
                    out.write('\n');
                }
            }
        }
        return solr(lib, home, docs.toString(), queries, work);
    }

    /**
     * Solr's indexing alone, once more: the documents an earlier {@link #run} wrote under {@code earlier}
     * into a fresh core under {@code work}; its index seconds. The documents file is read, not made again.
     */
    public static double indexAgain(Path earlier, Path work) throws IOException, InterruptedException {
        Map<String, Object> r = solr(Path.of("target", "solr-lib"), home(work), earlier.resolve(DOCS).toString(),
                List.of(), work);
        return ((Number) r.get("indexSeconds")).doubleValue();
    }

    /** A core's home under {@code work}: Solr's configuration with the project's dictionary and word lists. */
    private static Path home(Path work) throws IOException {
        Path home = work.resolve("solr-home");
        copyTree(Path.of("src", "bench", "solr", "home"), home);
        Path conf = home.resolve("pairs").resolve("conf");
        for (String f : List.of("ja/userdict_ja.txt", "ja/stoptags_ja.txt", "ja/stopwords_ja.txt", "en/stopwords_en.txt")) {
            Files.copy(Path.of("analyzers", f), conf.resolve(Path.of(f).getFileName()));
        }
        return home;
    }

    /**
     * The judged set on Solr: {@code docs} (field maps, with {@code view} and {@code name}) indexed into a
     * fresh core under {@code work}, then each line {@code query<TAB>lang<TAB>view} ranked; the names of
     * each query's top ten.
     */
    @SuppressWarnings("unchecked")
    public static List<List<String>> relevance(List<Map<String, Object>> docs, List<String> lines, Path work)
            throws IOException, InterruptedException {
        Path lib = libraries(work);
        Path file = work.resolve(DOCS);
        JsonMapper json = JsonMapper.createDefault();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map<String, Object> d : docs) {
                out.write(json.writeValueAsString(d));
                out.write('\n');
            }
        }
        Map<String, Object> r = solr(lib, home(work), file.toString(), lines, work, List.of("relevance"));
        return (List<List<String>>) r.get("rankings");
    }

    /** Solr's own classpath, fetched by its pom on first use. */
    private static Path libraries(Path work) throws IOException, InterruptedException {
        Path lib = Path.of("target", "solr-lib");
        if (!Files.isDirectory(lib) || !Files.exists(lib.resolve("solr-core-9.10.1.jar"))) {
            exec(List.of("./mvnw", "-B", "-q", "-f", "src/bench/solr/pom.xml", "dependency:copy-dependencies"),
                    work.resolve("solr-deps.log"), 30);
        }
        return lib;
    }

    /**
     * The query mix alone against the Solr core an earlier {@link #run} left in {@code work}; with
     * {@code optimize}, merged into one segment first (which the core then keeps).
     */
    public static Map<String, Object> queriesOnly(List<String> queries, Path work, boolean optimize)
            throws IOException, InterruptedException {
        return solr(Path.of("target", "solr-lib"), work.resolve("solr-home"), "-", queries, work,
                optimize ? List.of("optimize") : List.of());
    }

    private static Map<String, Object> solr(Path lib, Path home, String docs, List<String> queries, Path work)
            throws IOException, InterruptedException {
        return solr(lib, home, docs, queries, work, List.of());
    }

    private static Map<String, Object> solr(Path lib, Path home, String docs, List<String> queries, Path work,
                                            List<String> more) throws IOException, InterruptedException {
        Path q = work.resolve("queries.txt");
        Files.write(q, queries, StandardCharsets.UTF_8);
        Path result = work.resolve("solr-result.json");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx2g", ServiceProcess.VECTOR,
                "-Dsolr.install.dir=" + home.toAbsolutePath(), "-cp", lib.toAbsolutePath() + File.separator + "*",
                "src/bench/solr/SolrLeg.java", home.toString(), docs, q.toString(), result.toString(),
                Integer.toString(jp.kakehashi.search.SearchBench.PASSES)));
        command.addAll(1, ChildJvm.options());
        command.addAll(more);
        exec(command, work.resolve("solr.log"), 120);
        return JsonMapper.createDefault().readValue(Files.readString(result), Map.class);
    }

    private static void exec(List<String> command, Path log, int minutes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest);
                }
            }
        }
    }
}
