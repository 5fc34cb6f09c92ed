package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * Writes that commit out of id order: an outbox id is handed out at insert, but the index must
 * apply every change once it is committed, however late.
 */
@MicronautTest(transactional = false)
class LateCommitTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    SearchIndex index;
    @Property(name = "datasources.default.url")
    String url;

    /**
     * A write still open while a later one, with the next outbox id, committed long ago (a minute, by
     * its row): following by id passed the gap as a rollback, and the first write's row, committed
     * after that, lay below the cursor forever. In commit order it is simply the next row.
     */
    @Test
    void aWriteThatCommitsLongAfterALaterOneIsStillIndexed() throws Exception {
        Http editor = new Staffing(new Http(server, json)).editor("SYD").http();
        List<Long> pairs = Fixtures.bulletin(editor, "SYD", 2, true).pairIds();
        IndexConsistencyTest.caughtUp(server);
        try (Connection slow = DriverManager.getConnection(url, "root", "");
             Connection quick = DriverManager.getConnection(url, "root", "")) {
            slow.setAutoCommit(false);
            cancel(slow, pairs.get(0), "UTC_TIMESTAMP(6)");
            cancel(quick, pairs.get(1), "UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE");
            IndexConsistencyTest.caughtUp(server);
            List<String> open = statuses(pairs);
            assertEquals("CANCELLED", open.get(1), "the later write is searchable while the first is open");
            assertNotEquals("CANCELLED", open.get(0), "the open write is not");
            slow.commit();
        }
        IndexConsistencyTest.caughtUp(server);
        assertEquals(List.of("CANCELLED", "CANCELLED"), statuses(pairs));
        IndexConsistencyTest.assertIndexEqualsDatabase(server);
    }

    private static void cancel(Connection c, long pair, String writtenAt) throws Exception {
        try (var s = c.createStatement()) {
            s.executeUpdate("UPDATE doc_pair SET status = 'CANCELLED' WHERE id = " + pair);
            s.executeUpdate("INSERT INTO outbox_event (aggregate_type, aggregate_id, kind, created_at)"
                    + " VALUES ('pair', " + pair + ", 'cancelled', " + writtenAt + ")");
        }
    }

    /** The staff-view status the index holds for each pair. */
    private List<String> statuses(List<Long> pairs) throws Exception {
        return index.search(searcher -> {
            List<String> out = new ArrayList<>();
            for (long pair : pairs) {
                var hits = searcher.search(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(PairDocument.PAIR, Long.toString(pair))), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(PairDocument.VIEW, PairDocument.STAFF)), BooleanClause.Occur.FILTER)
                        .build(), 1);
                out.add(searcher.storedFields().document(hits.scoreDocs[0].doc).get(PairDocument.STATUS));
            }
            return out;
        });
    }
}
