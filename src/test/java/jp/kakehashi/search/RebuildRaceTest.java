package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;

/**
 * A rebuild while a write commits out of id order: its outbox id was handed out at insert, but the
 * rebuild must leave its change to be applied once it is committed, or the index keeps the old pair
 * until it changes again. (A late commit without a rebuild: {@link LateCommitTest}.)
 */
class RebuildRaceTest {
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
