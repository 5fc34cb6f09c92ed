package jp.kakehashi.search;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jp.kakehashi.analysis.BilingualTerms;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.bench.BenchResults;
import jp.kakehashi.bench.CorpusGenerator;
import jp.kakehashi.bench.CpuMeter;
import jp.kakehashi.bench.Settle;
import jp.kakehashi.bench.SolrLegRunner;
import jp.kakehashi.bulletin.BulletinService;
import jp.kakehashi.bulletin.CreateBulletinCommand;
import jp.kakehashi.index.IndexStore;
import jp.kakehashi.index.Rebuilt;
import jp.kakehashi.job.Progress;
import jp.kakehashi.support.ContextStarts;
import jp.kakehashi.support.Db;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search benchmark, side by side in one run: the service's own pipeline (import → outbox →
 * index; the whole outbox replayed by a second follower; a full rebuild from MariaDB) against raw
 * Lucene with the same analyzers and fields, and Apache Solr in its own JVM fed the same documents ({@link SolrLegRunner}); query latency
 * (top 10 with highlighting) of the service's search layer against raw Lucene and Solr.
 * Run: {@code ./mvnw -q test -Dtest=SearchBench -Dbench.pairs=10000 -Dsurefire.failIfNoSpecifiedTests=false};
 * results go to {@code target/bench/search-<pairs>.json}. {@code SearchBenchSmokeTest} runs it tiny.
 */
// The suite runs test classes side by side (junit-platform.properties); two benchmarks at once
// would each time the other's load. The other classes of a bench run are disabled, so this is enough.
@ResourceLock(value = "benchmark", mode = ResourceAccessMode.READ_WRITE)
public class SearchBench {
    static final long SEED = 20261122L;
    /** Passes through the query mix, every leg; the first is warm-up ({@code -Dbench.passes}). */
    public static final int PASSES = Math.max(2, Integer.getInteger("bench.passes", 5));

    @Test
    @EnabledIfSystemProperty(named = "bench.pairs", matches = "\\d+")
    void benchmark() throws Exception {
        Map<String, Object> r = run(Integer.parseInt(System.getProperty("bench.pairs")), 200, Settle.BENCH);
        System.out.println(r);
    }

    @Test
    @EnabledIfSystemProperty(named = "bench.reuse", matches = ".+")
    void queriesAgain() throws Exception {
        Map<String, Object> r = rerunQueries(Path.of(System.getProperty("bench.reuse")), 200);
        System.out.println(r);
    }

    @Test
    @EnabledIfSystemProperty(named = "bench.reindex", matches = ".+")
    void indexingAgain() throws Exception {
        System.out.println(reindex(Path.of(System.getProperty("bench.reindex"))));
    }

    /** One run; each wait for MariaDB and this JVM to go quiet gives up after {@code settle}. */
    public static Map<String, Object> run(int pairs, int queries, Duration settle) throws Exception {
        String data = "target/bench-data/" + pairs + "-" + System.nanoTime();
        Map<String, Object> result = header();
        List<CreateBulletinCommand> corpus = CorpusGenerator.bulletins(SEED, pairs);
        result.put("corpus", CorpusGenerator.describe(corpus));
        try (EmbeddedServer server = start(data)) {
            var ctx = server.getApplicationContext();
            BulletinService service = ctx.getBean(BulletinService.class);
            SearchIndex index = ctx.getBean(SearchIndex.class);
            Db db = new Db(ctx.getBean(DataSource.class));
            long start = System.nanoTime();
            for (CreateBulletinCommand b : corpus) {
                service.create(b, Actor.SYSTEM);
            }
            long imported = System.nanoTime();
            caughtUp(index, db);
            long indexed = System.nanoTime();
            result.put("importPairsPerSecond", rate(pairs, imported - start));
            result.put("importAndIndexPairsPerSecond", rate(pairs, indexed - start));
            // The legs below are compared with references that run with nothing else to do: the corpus
            // (≈ 350 MB of text) leaves the heap (each raw leg makes it again from the seed), and MariaDB
            // writes out the pages the import left dirty before the first rebuild rather than under it.
            corpus = null;
            result.put("mariaDbSettleSeconds", Settle.mariaDb(db, settle));
            List<String> mix = CorpusGenerator.queries(SEED, queries);
            indexingLegs(ctx, index, db, pairs, mix, Path.of(data), result);
            System.gc();
            // The last leg is a rebuild of the live index, whose merges go on after it is caught up; Solr
            // answers its queries in a JVM of its own. Like ServiceBench, measure once the merging is done.
            result.put("quietSecondsBeforeQueries", Settle.quiet(ProcessHandle.current().pid(), 0.05, settle));
            queryLegs(ctx, Path.of(data, "raw-index"), mix, result);
        }
        return BenchResults.written("search-" + pairs + ".json", result);
    }

    /**
     * The indexing legs in a mirrored order, Solr's two in the middle: rebuild, replay, raw Lucene, Solr,
     * Solr, raw Lucene, replay, rebuild. The VM's speed drifts by the hour (one run's service legs ran at
     * half the rate of the run before, its references within 12 %), and legs run one after the other put
     * that drift on the ratios; each figure is the mean of its two legs, which sit equally far from the
     * middle, so a steady drift cancels out of the ratios, and Solr's figure is a mean like the others
     * (with one leg it moved from 0.86x to 0.98x of raw Lucene's between two runs). Solr's first leg also
     * answers the query mix in its JVM; its second only indexes the same documents file, into a core of its own.
     */
    private static void indexingLegs(io.micronaut.context.BeanContext ctx, SearchIndex index, Db db, int pairs,
                                     List<String> mix, Path data, Map<String, Object> result) throws Exception {
        SearchAnalyzers analyzers = ctx.getBean(SearchAnalyzers.class);
        Map<String, Object> cpu = new LinkedHashMap<>();
        double rebuildA = metered(cpu, "rebuildA", () -> timedRebuild(index, db));
        double rebuildAWaited = index.lastRebuild().orElseThrow().waitingForDatabase();
        double rebuildAMerging = index.lastRebuild().orElseThrow().merging();
        double replayA = metered(cpu, "replayA", () -> timedReplay(ctx, data.resolve("replay"), db) / 1e9);
        double rawA = metered(cpu, "rawA", () -> rawLeg(pairs, analyzers, data.resolve("raw-index"), 1));
        Map<String, Object> solr = SolrLegRunner.run(CorpusGenerator.bulletins(SEED, pairs), mix, data);
        double solrB = SolrLegRunner.indexAgain(data, data.resolve("solr-b"));
        IndexStore.deleteTree(data.resolve("solr-b"));
        double rawB = metered(cpu, "rawB", () -> rawLeg(pairs, analyzers, data.resolve("raw-index-b"), 1));
        IndexStore.deleteTree(data.resolve("raw-index-b"));
        double replayB = metered(cpu, "replayB", () -> timedReplay(ctx, data.resolve("replay-b"), db) / 1e9);
        IndexStore.deleteTree(data.resolve("replay-b"));
        double rebuildB = metered(cpu, "rebuildB", () -> timedRebuild(index, db));
        result.put("legCpuSeconds", cpu);
        result.put("serviceRebuildSeconds", List.of(rebuildA, rebuildB));
        result.put("serviceRebuildWaitingForMariaDbSeconds", List.of(rebuildAWaited,
                index.lastRebuild().orElseThrow().waitingForDatabase()));
        result.put("serviceRebuildMergingSeconds", List.of(rebuildAMerging,
                index.lastRebuild().orElseThrow().merging()));
        result.put("serviceOutboxSeconds", List.of(replayA, replayB));
        result.put("rawLuceneSeconds", List.of(rawA, rawB));
        double solrA = ((Number) solr.get("indexSeconds")).doubleValue();
        result.put("solrSeconds", List.of(solrA, solrB));
        double solrSeconds = (solrA + solrB) / 2;
        double rebuild = (rebuildA + rebuildB) / 2;
        double replay = (replayA + replayB) / 2;
        double raw = (rawA + rawB) / 2;
        result.put("serviceRebuildPairsPerSecond", perSecond(pairs, rebuild));
        result.put("serviceOutboxPairsPerSecond", perSecond(pairs, replay));
        result.put("rawLucenePairsPerSecond", perSecond(pairs, raw));
        result.put("solrPairsPerSecond", perSecond(pairs, solrSeconds));
        result.put("solr", solr.get("solr"));
        result.put("solrQueryMs", solr.get("queryMs"));
        result.put("solrSegments", solr.get("segments"));
        result.put("serviceRebuildVsRaw", ratio(raw, rebuild));
        result.put("serviceOutboxVsRaw", ratio(raw, replay));
        result.put("serviceRebuildVsSolr", ratio(solrSeconds, rebuild));
        result.put("serviceOutboxVsSolr", ratio(solrSeconds, replay));
        // Two threads is not a target's reference (that is one thread) but what two threads get here with
        // nothing else to do, i.e. the most the pipeline's two analysis threads could reach.
        result.put("rawLuceneTwoThreadsPairsPerSecond",
                perSecond(pairs, rawLeg(pairs, analyzers, data.resolve("raw-index-2"), 2)));
        IndexStore.deleteTree(data.resolve("raw-index-2"));
        double mb = ((Number) ((Map<?, ?>) result.get("corpus")).get("textMB")).doubleValue();
        result.put("mbPerSecond", Map.of("serviceRebuild", round1(mb / rebuild), "serviceOutbox", round1(mb / replay),
                "rawLucene", round1(mb / raw), "solr", round1(mb / solrSeconds)));
    }

    private interface Leg {
        double seconds() throws Exception;
    }

    /**
     * Runs one indexing leg on a collected heap and puts its CPU seconds in {@code cpu} under {@code
     * name}: a raw leg holds the corpus (≈ 1 GB of strings) while it indexes, and the leg after it
     * should not pay for collecting it.
     */
    private static double metered(Map<String, Object> cpu, String name, Leg leg) throws Exception {
        System.gc();
        CpuMeter meter = CpuMeter.start();
        double seconds = leg.seconds();
        cpu.put(name, meter.stop());
        return seconds;
    }

    /** Seconds raw Lucene takes on {@code threads} threads, the corpus made from the seed and dropped after. */
    private static double rawLeg(int pairs, SearchAnalyzers analyzers, Path dir, int threads) throws Exception {
        return RawLuceneLeg.index(CorpusGenerator.bulletins(SEED, pairs), analyzers, dir, threads) / 1e9;
    }

    /**
     * Only the service's indexing legs, again, on the MariaDB an earlier run left ({@code
     * -Dbench.reindex=target/bench-data/<run>}): a full rebuild, the outbox replayed into a fresh
     * follower, a full rebuild again, then raw Lucene on one and two threads on the run's seeded
     * corpus, so a change to the indexing path is measured (or profiled) in minutes beside its
     * reference. Solr is not rerun: compare with the run's Solr figure only on a VM as fast as it was then.
     */
    public static Map<String, Object> reindex(Path data) throws Exception {
        Map<String, Object> result = header();
        result.put("reused", data.toString());
        try (EmbeddedServer server = start(data.toString())) {
            var ctx = server.getApplicationContext();
            SearchIndex index = ctx.getBean(SearchIndex.class);
            Db db = new Db(ctx.getBean(DataSource.class));
            caughtUp(index, db);
            int pairs = (int) db.count("SELECT COUNT(*) FROM doc_pair");
            // A rebuild on either side of the replay: MariaDB starts with a cold buffer pool, and the
            // first leg to read would pay for it.
            double before = timedRebuild(index, db);
            Path replayDir = data.resolve("replay-" + System.nanoTime());
            long replay = timedReplay(ctx, replayDir, db);
            IndexStore.deleteTree(replayDir);
            double after = timedRebuild(index, db);
            result.put("pairs", pairs);
            result.put("serviceOutboxPairsPerSecond", rate(pairs, replay));
            result.put("serviceRebuildSeconds", List.of(before, after));
            result.put("serviceRebuildPairsPerSecond", List.of(perSecond(pairs, before),
                    perSecond(pairs, after)));
            // Raw Lucene again beside them, on the run's seeded corpus: the VM's speed moves by the hour.
            SearchAnalyzers analyzers = ctx.getBean(SearchAnalyzers.class);
            Path raw = data.resolve("raw-index-" + System.nanoTime());
            result.put("rawLucenePairsPerSecond", perSecond(pairs, rawLeg(pairs, analyzers, raw, 1)));
            IndexStore.deleteTree(raw);
            result.put("rawLuceneTwoThreadsPairsPerSecond", perSecond(pairs, rawLeg(pairs, analyzers, raw, 2)));
            IndexStore.deleteTree(raw);
        }
        return BenchResults.written("search-reindex.json", result);
    }

    /**
     * Only the query legs, again, against the data directory of an earlier run ({@code -Dbench.reuse=
     * target/bench-data/<run>}): its MariaDB, service index, raw index and Solr core are reopened as they
     * are, so a change to the query path is measured side by side in minutes instead of a full run.
     * {@code -Dbench.solrOptimize=true} then also times Solr's core merged into one segment, as the
     * service's rebuilt index is (the core stays merged); {@code -Dbench.rawMerge=true} merges the raw
     * leg's index first.
     */
    public static Map<String, Object> rerunQueries(Path data, int queries) throws Exception {
        Map<String, Object> result = header();
        result.put("reused", data.toString());
        try (EmbeddedServer server = start(data.toString())) {
            var ctx = server.getApplicationContext();
            caughtUp(ctx.getBean(SearchIndex.class), new Db(ctx.getBean(DataSource.class)));
            List<String> mix = CorpusGenerator.queries(SEED, queries);
            if (Boolean.getBoolean("bench.rawMerge")) {
                result.put("rawLuceneMergeSeconds", mergeDown(data.resolve("raw-index")));
            }
            queryLegs(ctx, data.resolve("raw-index"), mix, result);
            Map<String, Object> solr = SolrLegRunner.queriesOnly(mix, data, false);
            result.put("solrQueryMs", solr.get("queryMs"));
            result.put("solrSegments", solr.get("segments"));
            if (Boolean.getBoolean("bench.solrOptimize")) {
                // Solr's core merged into one segment as well, so each engine is timed on one segment
                Map<String, Object> optimized = SolrLegRunner.queriesOnly(mix, data, true);
                result.put("solrOptimizeSeconds", optimized.get("optimizeSeconds"));
                result.put("solrOptimizedQueryMs", optimized.get("queryMs"));
                result.put("solrOptimizedSegments", optimized.get("segments"));
            }
        }
        return BenchResults.written("search-queries.json", result);
    }

    /**
     * Merges the raw leg's index into one segment ({@code -Dbench.rawMerge=true}), so that with
     * {@code -Dbench.solrOptimize=true} all three engines are timed on one segment; the index stays
     * merged. Merging writes no documents, so the writer needs no analyzer of ours.
     */
    private static double mergeDown(Path index) throws IOException {
        long start = System.nanoTime();
        try (var directory = FSDirectory.open(index); var writer = new IndexWriter(directory,
                new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.forceMerge(1);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Lucene's own assertions off, and the run's date and machine. Surefire runs with -ea, and Lucene's
     * assertions (a sortedness check over the whole block on every postings advance in
     * VectorUtil.findNextGEQ, iterator checks in conjunctions) then took ~90 % of query time in a JFR
     * profile: the "unexplained 3x" of the first runs. Production, the Solr leg and ServiceBench's
     * service process all run without -ea, so the in-process legs must too. Takes effect for Lucene
     * classes not yet initialised, i.e. when the bench runs alone: a measuring run is its own Maven
     * invocation ({@code -Dbench.pairs}, {@code -Dbench.reuse}, {@code -Dbench.reindex}). The smoke run
     * inside the suite leaves them on, or every Lucene class loaded after it in that JVM (the
     * test framework's among them) would run without its assertions.
     */
    private static Map<String, Object> header() {
        if (System.getProperty("bench.pairs") != null || System.getProperty("bench.reuse") != null
                || System.getProperty("bench.reindex") != null) {
            ClassLoader.getSystemClassLoader().setPackageAssertionStatus("org.apache.lucene", false);
            SearchBench.class.getClassLoader().setPackageAssertionStatus("org.apache.lucene", false);
            jp.kakehashi.bench.FullJit.require();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", java.time.LocalDate.now().toString());
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version());
        result.put("luceneAssertions", org.apache.lucene.util.Constants.class.desiredAssertionStatus());
        return result;
    }

    private static EmbeddedServer start(String dataDir) {
        // no merge once the import is quiet: it would fall into the next leg's time (a rebuild merges
        // anyway, and a replay is timed until it has caught up)
        return ContextStarts.server(Map.of("kakehashi.data-dir", dataDir,
                "kakehashi.search.poll-interval", "20ms", "kakehashi.search.merge-after-pairs", "0",
                "micronaut.server.port", "-1"), "bench");
    }

    /**
     * Service search layer and raw Lucene, one query after the other on each, {@link #PASSES} times
     * through the mix; the first pass warms up and the others count. One counted pass of 200 made p99
     * the second-slowest query of a run and swung it by a third between runs on this VM.
     */
    private static void queryLegs(io.micronaut.context.BeanContext ctx, Path raw, List<String> mix,
                                  Map<String, Object> result) throws Exception {
        SearchAnalyzers analyzers = ctx.getBean(SearchAnalyzers.class);
        SearchService search = ctx.getBean(SearchService.class);
        CrossLanguageQuery builder = analyzers.queries(ctx.getBean(BilingualTerms.class).all());
        double[] serviceMs = new double[mix.size() * (PASSES - 1)];
        double[] lucene = new double[serviceMs.length];
        double[] withoutExpansionsMs = new double[serviceMs.length];
        try (var dir = FSDirectory.open(raw); var reader = DirectoryReader.open(dir)) {
            // what each leg's query pays per segment is part of its figure: a rebuild merges into one
            result.put("serviceSegments", ctx.getBean(SearchIndex.class).currentStore().orElseThrow().segments());
            result.put("rawLuceneSegments", reader.leaves().size());
            IndexSearcher searcher = new IndexSearcher(reader);
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzers.indexAnalyzer())
                    .withWeightMatches(false).build();
            for (int pass = 0; pass < PASSES; pass++) {
                for (int i = 0; i < mix.size(); i++) {
                    String q = mix.get(i);
                    SearchRequest request = new SearchRequest(q, null, null, null, null, null, 0, 10, true);
                    // the same search without the index-term expansions, before or after by turns
                    long plain = pass % 2 == 0 ? 0 : timed(() -> search.searchWithoutExpansions(request));
                    long t0 = System.nanoTime();
                    search.search(request);
                    long t1 = System.nanoTime();
                    plain = pass % 2 == 0 ? timed(() -> search.searchWithoutExpansions(request)) : plain;
                    Query query = builder.build(CrossLanguageQuery.normalise(q), true, true, new IndexTerms(reader));
                    TopDocs top = searcher.search(query, 10);
                    highlighter.highlight(PairDocument.JA_BODY, query, top, 2);
                    highlighter.highlight(PairDocument.EN_BODY, query, top, 2);
                    long t2 = System.nanoTime();
                    if (pass > 0) {
                        withoutExpansionsMs[(pass - 1) * mix.size() + i] = plain / 1e6;
                        serviceMs[(pass - 1) * mix.size() + i] = (t1 - t0) / 1e6;
                        lucene[(pass - 1) * mix.size() + i] = (t2 - t1) / 1e6;
                    }
                }
            }
        }
        result.put("serviceQueryMs", percentiles(serviceMs));
        result.put("rawLuceneQueryMs", percentiles(lucene));
        result.put("serviceWithoutExpansionsQueryMs", percentiles(withoutExpansionsMs));
        result.put("serviceSlowestQueries", slowest(mix, serviceMs, 5));
    }

    private static long timed(Runnable search) {
        long t0 = System.nanoTime();
        search.run();
        return System.nanoTime() - t0;
    }

    /** The queries with the highest median over the counted passes, for the profile of what limits p99. */
    private static Map<String, Double> slowest(List<String> mix, double[] ms, int n) {
        Map<String, List<Double>> byQuery = new LinkedHashMap<>();
        for (int k = 0; k < ms.length; k++) {
            byQuery.computeIfAbsent(mix.get(k % mix.size()), q -> new java.util.ArrayList<>()).add(ms[k]);
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        byQuery.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().stream().sorted().toList().get(e.getValue().size() / 2)))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                .forEach(e -> medians.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        return medians;
    }

    /**
     * Nanoseconds a second follower takes to replay the whole outbox from id 0 into {@code dir}: the
     * production catch-up on its own. The service's commit intervals (1 s; 10 s through a backlog)
     * unless {@code -Dbench.commitEvery} sets both, e.g. PT1H to see what the commits cost;
     * {@code -Dbench.backlogCommitEvery} sets the second alone.
     */
    private static long timedReplay(io.micronaut.context.BeanContext ctx, Path dir, Db db) throws Exception {
        String every = System.getProperty("bench.commitEvery");
        Duration commitEvery = Duration.parse(every == null ? "PT1S" : every);
        Duration backlogEvery = Duration.parse(System.getProperty("bench.backlogCommitEvery",
                every == null ? "PT10S" : every));
        long outbox = IndexConsistencyTest.outboxHead(ctx);
        long start = System.nanoTime();
        try (SearchIndex follower = OutboxReplay.start(ctx, dir, commitEvery, backlogEvery)) {
            caughtUp(follower, outbox);
            long replay = System.nanoTime() - start;
            int docs = ctx.getBean(SearchIndex.class).search(searcher -> searcher.getIndexReader().numDocs());
            assertEquals(docs, (int) follower.search(searcher -> searcher.getIndexReader().numDocs()),
                    "the replay holds the documents the live index holds");
            return replay;
        }
    }

    /**
     * Seconds from asking for a rebuild until the new index is swapped in and caught up. The rebuild is
     * built beside the live index, which stays searchable, so only its own completion says it is done.
     */
    private static double timedRebuild(SearchIndex index, Db db) throws Exception {
        long pairs = db.count("SELECT COUNT(*) FROM doc_pair");
        long start = System.nanoTime();
        Rebuilt rebuilt = index.rebuildNow(Progress.NONE).get(30, TimeUnit.MINUTES);
        caughtUp(index, db);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(pairs, rebuilt.documents(), "the rebuild wrote every pair");
        return seconds;
    }

    private static void caughtUp(SearchIndex index, Db db) throws InterruptedException {
        // the follower numbers the rows before it applies them: caught up once none is left unnumbered
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (db.count("SELECT COUNT(*) FROM outbox_event WHERE seq IS NULL") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        caughtUp(index, db.count("SELECT COALESCE(MAX(seq), 0) FROM outbox_event"));
    }

    private static void caughtUp(SearchIndex index, long last) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (index.appliedOutboxId() < last && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(index.appliedOutboxId() >= last, "indexer caught up");
    }

    private static double rate(int n, long nanos) {
        return perSecond(n, nanos / 1e9);
    }

    private static double perSecond(int n, double seconds) {
        return round1(n / seconds);
    }

    private static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }

    private static double ratio(double a, double b) {
        return Math.round(a / b * 100) / 100.0;
    }

    private static Map<String, Double> percentiles(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        Map<String, Double> p = new LinkedHashMap<>();
        for (int q : new int[] {50, 95, 99}) {
            p.put("p" + q, Math.round(s[Math.min(s.length - 1, (int) Math.ceil(q / 100.0 * s.length) - 1)] * 100) / 100.0);
        }
        return p;
    }
}
