package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;

/**
 * The indexer's batch reads use the keys they name whatever InnoDB's statistics say. After a large
 * import MariaDB had costed the revision reads of a 500-pair batch from statistics that made each pair
 * id look unselective, and scanned both revision tables whole for every batch. Here the statistics are
 * made to say so outright (one distinct pair id) and the session costs every IN list from them, as it
 * does any list longer than {@code eq_range_index_dive_limit}.
 */
class PairLoaderPlanTest {
    @Test
    void batchReadsUseTheirKeysEvenWhenTheStatisticsSayTheKeysAreNotSelective() throws Exception {
        try (EmbeddedServer server = IndexConsistencyTest.start("target/test-data/plan-" + System.nanoTime())) {
            Http editor = new Staffing(new Http(server, server.getApplicationContext().getBean(JsonMapper.class)))
                    .editor("SIN").http();
            List<Long> pairs = new ArrayList<>(Fixtures.bulletin(editor, "SIN", 40, true).pairIds());
            long bulletin = Fixtures.bulletin(editor, "SIN", 40, true).bulletinId();
            try (Connection c = DelegatingDataSource.unwrapDataSource(server.getApplicationContext()
                    .getBean(DataSource.class)).getConnection();
                 Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE mysql.innodb_index_stats SET stat_value = 1 WHERE database_name = DATABASE()"
                        + " AND index_name IN ('uk_source_revision', 'uk_target_revision', 'uk_pair_position')"
                        + " AND stat_name = 'n_diff_pfx01'");
                st.execute("FLUSH TABLES source_revision, target_revision, doc_pair");
                st.execute("SET SESSION eq_range_index_dive_limit = 1");
                String in = pairs.stream().map(String::valueOf).collect(Collectors.joining(","));
                Map<String, List<String>> keys = Map.of(
                        PairLoader.textsSql(in), List.of("uk_source_revision", "PRIMARY", "uk_target_revision", "PRIMARY"),
                        PairLoader.pairsSql(in), List.of("PRIMARY", "PRIMARY"),
                        PairLoader.pairsOfBulletinsSql(bulletin + ",0"), List.of("uk_pair_position"));
                keys.forEach((sql, expected) -> {
                    List<String[]> plan = plan(st, sql);
                    for (String[] row : plan) {
                        assertNotEquals("ALL", row[1], () -> row[0] + " scanned whole: " + sql);
                    }
                    assertEquals(expected, plan.stream().map(r -> r[2]).toList(), sql);
                });
            }
        }
    }

    /** EXPLAIN's table, access type and key of each row. */
    private static List<String[]> plan(Statement st, String sql) {
        List<String[]> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString("table"), rs.getString("type"), rs.getString("key")});
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
