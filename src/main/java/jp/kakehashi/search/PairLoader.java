package jp.kakehashi.search;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kakehashi.database.CausalReads;

/**
 * Reads what the index needs about pairs straight from MariaDB, in one read transaction per batch,
 * so a batch is a consistent snapshot; a read of one statement needs no transaction (a read-only
 * one is four more round trips, twice per poll of an idle index). The index is always rebuilt from
 * the current rows, never from event payloads: replaying an outbox row twice is harmless. The pairs
 * are read on other connections than the outbox rows naming them, so those reads are {@link
 * CausalReads}: never older than the outbox row.
 */
@Singleton
class PairLoader {
    private final JdbcOperations jdbc;

    PairLoader(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The documents of these pairs, by pair id; a pair absent from the map no longer exists. */
    @Transactional(readOnly = true)
    Map<Long, List<PairDocument>> load(Collection<Long> pairIds) {
        Map<Long, List<PairDocument>> docs = new HashMap<>();
        if (pairIds.isEmpty()) {
            return docs;
        }
        String in = pairIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<String, String[]> texts = texts(in);
        jdbc.prepareStatement(CausalReads.of(pairsSql(in)), ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    docs.put(rs.getLong(1), documents(rs, texts));
                }
            }
            return null;
        });
        return docs;
    }

    /** The pairs by primary key, each joined to its bulletin; the join order fixed as {@link #textsSql}'s. */
    static String pairsSql(String in) {
        return "SELECT STRAIGHT_JOIN p.id, p.bulletin_id, p.office_code, p.source_lang, p.status, p.source_revision,"
                + " p.target_revision, p.released_source_revision, p.released_target_revision, b.published_on, b.state"
                + " FROM doc_pair p FORCE INDEX (PRIMARY) JOIN bulletin b ON b.id = p.bulletin_id"
                + " WHERE p.id IN (" + in + ")";
    }

    @Connectable
    List<Long> pairsOfBulletins(Collection<Long> bulletinIds) {
        if (bulletinIds.isEmpty()) {
            return List.of();
        }
        String in = bulletinIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return ids(CausalReads.of(pairsOfBulletinsSql(in)));
    }

    /** Through the bulletin key always, as {@link #textsSql} and for the same reason. */
    static String pairsOfBulletinsSql(String in) {
        return "SELECT id FROM doc_pair FORCE INDEX (uk_pair_position) WHERE bulletin_id IN (" + in + ")";
    }

    /** How many pairs a rebuild will read: its progress's total. */
    @Connectable
    long pairCount() {
        return ids("SELECT COUNT(*) FROM doc_pair").getFirst();
    }

    @Connectable
    List<Long> pairIdsAfter(long afterId, int limit) {
        return ids(CausalReads.of("SELECT id FROM doc_pair WHERE id > " + afterId + " ORDER BY id LIMIT " + limit));
    }

    record OutboxRow(long seq, String aggregate, long aggregateId, java.time.Instant writtenAt)
            implements jp.kakehashi.index.SeqGaps.Row {
    }

    /** The outbox after {@code afterSeq} in commit order. */
    @Connectable
    List<OutboxRow> outboxAfter(long afterSeq, int limit) {
        return jdbc.prepareStatement("SELECT seq, aggregate_type, aggregate_id, created_at FROM outbox_event"
                + " WHERE seq > ? ORDER BY seq LIMIT ?", ps -> {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()));
                }
            }
            return rows;
        });
    }

    /**
     * The outbox's two ends: rows up to {@code prunedThrough} may have been pruned
     * ({@code outbox/OutboxPruner}); {@code last} is the highest seq it has held, pruned or not. An
     * index's cursor always lies between them, unless the database is older than the index. A
     * rebuild that starts now puts its cursor at {@code last}: every row numbered up to there was
     * committed before the rebuild reads, and every change committed later is numbered above it.
     */
    record OutboxBounds(long prunedThrough, long last) {
    }

    @Connectable
    OutboxBounds outboxBounds() {
        return jdbc.prepareStatement("SELECT COALESCE((SELECT pruned_through FROM outbox_horizon WHERE id = 1), 0),"
                + " COALESCE((SELECT MAX(seq) FROM outbox_event), 0)", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long pruned = rs.getLong(1);
                return new OutboxBounds(pruned, Math.max(pruned, rs.getLong(2)));
            }
        });
    }

    private List<PairDocument> documents(ResultSet rs, Map<String, String[]> texts) throws SQLException {
        long id = rs.getLong(1);
        boolean jaSource = "ja".equals(rs.getString(4));
        String status = rs.getString(5);
        var published = rs.getDate(10).toLocalDate();
        List<PairDocument> result = new ArrayList<>(2);
        result.add(doc(id, rs, published, status, PairDocument.STAFF, jaSource, texts,
                rs.getInt(6), rs.getInt(7)));
        int releasedSource = rs.getInt(8);
        boolean released = !rs.wasNull() && jp.kakehashi.bulletin.Bulletin.BulletinState.valueOf(rs.getString(11))
                .isPublic();
        if (released) {
            result.add(doc(id, rs, published, "RELEASED", PairDocument.PUBLIC, jaSource, texts, releasedSource,
                    rs.getInt(9)));
        }
        return result;
    }

    private static PairDocument doc(long id, ResultSet rs, java.time.LocalDate published, String status, String view,
                                    boolean jaSource, Map<String, String[]> texts, int sourceRev, int targetRev)
            throws SQLException {
        String[] source = texts.get("s/" + id + "/" + sourceRev);
        String[] target = targetRev == 0 ? null : texts.get("t/" + id + "/" + targetRev);
        PairDocument.Side s = source == null ? null : new PairDocument.Side(source[0], source[1]);
        PairDocument.Side t = target == null ? null : new PairDocument.Side(target[0], target[1]);
        return new PairDocument(id, rs.getLong(2), rs.getString(3), published, status, view, jaSource ? s : t,
                jaSource ? t : s);
    }

    /**
     * The revisions of the pairs {@code in} lists, through their (pair, revision) keys and then each
     * pair by its primary key, always: join order and keys are fixed. A list of more values than
     * {@code eq_range_index_dive_limit} (200) is costed from the index statistics, and the statistics
     * InnoDB keeps while a table grows from an import can make a pair id look like a large share of
     * the table: MariaDB then scanned both revision tables whole for every batch of 500 pairs (EXPLAIN:
     * {@code ALL}), growing with the square of the archive, until an {@code ANALYZE TABLE}. With
     * statistics from a nearly empty table it joined {@code doc_pair} by a whole scan instead, so that
     * table's key is forced too.
     */
    static String textsSql(String in) {
        return "SELECT STRAIGHT_JOIN 's', r.pair_id, r.revision, r.title, CONCAT(r.body, '\\n', r.captions)"
                + " FROM source_revision r FORCE INDEX (uk_source_revision)"
                + " JOIN doc_pair p FORCE INDEX (PRIMARY) ON p.id = r.pair_id"
                + " WHERE r.pair_id IN (" + in + ")"
                + " AND r.revision IN (p.source_revision, COALESCE(p.released_source_revision, 0))"
                + " UNION ALL SELECT STRAIGHT_JOIN 't', r.pair_id, r.revision, r.title, CONCAT(r.body, '\\n', r.captions)"
                + " FROM target_revision r FORCE INDEX (uk_target_revision)"
                + " JOIN doc_pair p FORCE INDEX (PRIMARY) ON p.id = r.pair_id"
                + " WHERE r.pair_id IN (" + in + ")"
                + " AND r.revision IN (p.target_revision, COALESCE(p.released_target_revision, 0))";
    }

    /** All revisions of these pairs that a document may show: current and released, both sides. */
    private Map<String, String[]> texts(String in) {
        Map<String, String[]> texts = new HashMap<>();
        jdbc.prepareStatement(CausalReads.of(textsSql(in)), ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    texts.put(rs.getString(1) + "/" + rs.getLong(2) + "/" + rs.getInt(3),
                            new String[] {rs.getString(4), rs.getString(5)});
                }
            }
            return null;
        });
        return texts;
    }

    private List<Long> ids(String sql) {
        return jdbc.prepareStatement(sql, ps -> {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }
}
