package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jp.kakehashi.support.Slow;
import org.junit.jupiter.api.Test;

/** The benchmark harness at a tiny size, so it keeps working; its figures mean nothing here. */
@Slow
class SearchBenchSmokeTest {

    @Test
    void theBenchmarkRunsEndToEndAndWritesItsResults() throws Exception {
        // Other test classes share this JVM and its MariaDB, so neither goes quiet: a benchmark's wait for
        // that would only run into its bound (three minutes of a CI run, doing nothing).
        Map<String, Object> r = SearchBench.run(300, 40, Duration.ofSeconds(2));
        assertEquals(300, ((Map<?, ?>) r.get("corpus")).get("pairs"));
        for (String key : new String[] {"importPairsPerSecond", "importAndIndexPairsPerSecond",
                "serviceRebuildPairsPerSecond", "serviceOutboxPairsPerSecond", "rawLucenePairsPerSecond", "solrPairsPerSecond"}) {
            assertTrue(((Number) r.get(key)).doubleValue() > 0, key);
        }
        for (String key : new String[] {"serviceRebuildSeconds", "serviceOutboxSeconds", "rawLuceneSeconds",
                "solrSeconds"}) {
            assertEquals(2, ((java.util.List<?>) r.get(key)).size(), key + ": one leg on either side of the middle");
        }
        assertTrue(((Map<?, ?>) r.get("serviceQueryMs")).containsKey("p99"));
        assertTrue(((Map<?, ?>) r.get("solrQueryMs")).containsKey("p99"));
        assertTrue(String.valueOf(r.get("solr")).startsWith("9."), "Solr answered with its version");
        assertTrue(Files.size(Path.of("target", "bench", "search-300.json")) > 100);
    }
}
