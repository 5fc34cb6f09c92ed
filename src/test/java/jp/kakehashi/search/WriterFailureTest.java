package jp.kakehashi.search;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import jp.kakehashi.index.IndexStore;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/design/consistency.md: the Lucene writer hits a fatal error (a disk error in a flush or merge makes
 * Lucene close it with a "tragic" exception). The indexer notices, reopens the index from its last
 * commit and replays the outbox from there; search never answers 500 meanwhile.
 */
class WriterFailureTest {
    @Test
    void aWriterClosedByAFatalErrorIsReopenedFromItsLastCommitAndCatchesUp() throws Exception {
        try (EmbeddedServer server = IndexConsistencyTest.start("target/test-data/writer-failure-" + System.nanoTime())) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
            Http editor = new Staffing(http).editor("NYC").http();
            SearchIndex index = server.getApplicationContext().getBean(SearchIndex.class);
            Fixtures.bulletin(editor, "NYC", 20, true);
            IndexConsistencyTest.caughtUp(server);
            IndexStore failed = index.currentStore().orElseThrow();

            failed.writer().onTragicEvent(new IOException("No space left on device (simulated)"), "flush");
            assertTrue(!failed.healthy());
            Fixtures.bulletin(editor, "NYC", 20, false);
            for (int i = 0; i < 20; i++) {
                Http.Response r = http.get("/api/v1/search?q=" + (i % 2 == 0 ? "Paris" : "%E7%99%BD%E6%B2%B3"));
                assertTrue(r.status() == 200 || r.status() == 503 && r.body().contains("SEARCH_UNAVAILABLE"),
                        r.status() + " " + r.body());
            }

            IndexConsistencyTest.caughtUp(server);
            assertTrue(index.currentStore().orElseThrow() != failed, "a new writer");
            IndexConsistencyTest.assertIndexEqualsDatabase(server);
            assertEquals(200, http.get("/api/v1/search?q=Paris").status());
        }
    }
}
