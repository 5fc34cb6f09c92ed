package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;

/**
 * Writes that commit out of id order: their outbox ids are handed out at insert, but followers
 * must apply every change once it is committed, however late, or the index keeps the old pair until
 * it changes again.
 */
class RebuildRaceTest {
    /**
     * A write still open while a later one, with the next outbox id, committed long ago (a minute, by
     * its row): following by id passed the gap as a rollback, and the first write's row, committed
     * after that, lay below the cursor forever. In commit order it is simply the next row.
     */
    @Test
    void aWriteThatCommitsLongAfterALaterOneIsStillIndexed() throws Exception {
        try (EmbeddedServer server = IndexConsistencyTest.start("target/test-data/late-commit-" + System.nanoTime())) {
            var ctx = server.getApplicationContext();
            Http editor = new Staffing(new Http(server, ctx.getBean(JsonMapper.class))).editor("SYD").http();
            List<Long> pairs = Fixtures.bulletin(editor, "SYD", 2, true).pairIds();
            IndexConsistencyTest.caughtUp(server);
            String url = ctx.getProperty("datasources.default.url", String.class).orElseThrow();
            try (Connection slow = DriverManager.getConnection(url, "root", "");
                 Connection quick = DriverManager.getConnection(url, "root", "")) {
                slow.setAutoCommit(false);
                cancel(slow, pairs.get(0), "UTC_TIMESTAMP(6)");
                cancel(quick, pairs.get(1), "UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE");
                IndexConsistencyTest.caughtUp(server);
                List<String> open = statuses(ctx, pairs);
                assertEquals("CANCELLED", open.get(1), "the later write is searchable while the first is open");
                assertNotEquals("CANCELLED", open.get(0), "the open write is not");
                slow.commit();
            }
            IndexConsistencyTest.caughtUp(server);
            assertEquals(List.of("CANCELLED", "CANCELLED"), statuses(ctx, pairs));
            IndexConsistencyTest.assertIndexEqualsDatabase(server);
        }
    }

    private static void cancel(Connection c, long pair, String writtenAt) throws Exception {
        try (var s = c.createStatement()) {
            s.executeUpdate("UPDATE doc_pair SET status = 'CANCELLED' WHERE id = " + pair);
            s.executeUpdate("INSERT INTO outbox_event (aggregate_type, aggregate_id, kind, created_at)"
                    + " VALUES ('pair', " + pair + ", 'cancelled', " + writtenAt + ")");
        }
    }

    /** The staff-view status the index holds for each pair. */
    private static List<String> statuses(io.micronaut.context.BeanContext ctx, List<Long> pairs) throws Exception {
        return ctx.getBean(SearchIndex.class).search(searcher -> {
            List<String> out = new java.util.ArrayList<>();
            for (long pair : pairs) {
                var hits = searcher.search(new org.apache.lucene.search.BooleanQuery.Builder()
                        .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(PairDocument.PAIR,
                                Long.toString(pair))), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                        .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(PairDocument.VIEW,
                                PairDocument.STAFF)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                        .build(), 1);
                out.add(searcher.storedFields().document(hits.scoreDocs[0].doc).get(PairDocument.STATUS));
            }
            return out;
        });
    }

    /**
     * A rebuild while a write is still open: the rebuild read the pair before the write committed,
     * so the write's row must come after the rebuild's cursor.
     */
    @Test
    void aRebuildDuringAWriteThatCommitsAfterALaterOneStillIndexesIt() throws Exception {
        try (EmbeddedServer server = IndexConsistencyTest.start("target/test-data/rebuild-race-" + System.nanoTime())) {
            var ctx = server.getApplicationContext();
            Http editor = new Staffing(new Http(server, ctx.getBean(JsonMapper.class))).editor("SYD").http();
            long pair = Fixtures.bulletin(editor, "SYD", 1, true).pairIds().getFirst();
            IndexConsistencyTest.caughtUp(server);
            SearchIndex index = ctx.getBean(SearchIndex.class);
            Db db = new Db(ctx.getBean(DataSource.class));

            String url = ctx.getProperty("datasources.default.url", String.class).orElseThrow();
            try (Connection slow = DriverManager.getConnection(url, "root", "")) {
                slow.setAutoCommit(false);
                try (var s = slow.createStatement()) {
                    s.executeUpdate("UPDATE doc_pair SET status = 'CANCELLED' WHERE id = " + pair);
                    s.executeUpdate("INSERT INTO outbox_event (aggregate_type, aggregate_id, kind, created_at)"
                            + " VALUES ('pair', " + pair + ", 'cancelled', UTC_TIMESTAMP(6))");
                }
                Fixtures.bulletin(editor, "SYD", 1, false); // a later outbox id, committed first
                Optional<SearchIndex.Rebuild> before = index.lastRebuild();
                index.requestRebuild();
                Instant deadline = Instant.now().plusSeconds(60);
                while (index.lastRebuild().equals(before) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
                assertTrue(!index.lastRebuild().equals(before), "rebuilt");
                slow.commit();
            }

            IndexConsistencyTest.caughtUp(server);
            assertTrue(db.count("SELECT COUNT(*) FROM doc_pair WHERE id = ? AND status = 'CANCELLED'", pair) == 1);
            IndexConsistencyTest.assertIndexEqualsDatabase(server);
        }
    }
}
