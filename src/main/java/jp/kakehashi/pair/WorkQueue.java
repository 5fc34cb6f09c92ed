package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The work lists as a person reads them: each pair with its title, bulletin and date, direction,
 * length, state, holder and claim end, and the reason it was last sent back, grouped by bulletin
 * (newest first, items in bulletin order). One query per list; bounded, as a queue longer than
 * {@link #LIMIT} is read by filtering, not by scrolling.
 */
@Singleton
public class WorkQueue {
    public static final int LIMIT = 200;
    private static final String SELECT = "SELECT p.id, p.bulletin_id, b.title_ja, b.title_en, b.published_on,"
            + " p.office_code, p.source_lang, p.target_lang, s.title, CHAR_LENGTH(s.body),"
            + " CHAR_LENGTH(s.body) - CHAR_LENGTH(REPLACE(s.body, ' ', '')) + 1, p.status, u.display_name,"
            + " p.lease_expires_at, (SELECT a.reason FROM audit_event a WHERE a.pair_id = p.id AND a.action = ?"
            + " ORDER BY a.id DESC LIMIT 1)"
            + " FROM doc_pair p JOIN bulletin b ON b.id = p.bulletin_id"
            + " JOIN source_revision s ON s.pair_id = p.id AND s.revision = p.source_revision"
            + " LEFT JOIN app_user u ON u.id = p.assignee_id WHERE ";
    private final JdbcOperations jdbc;

    WorkQueue(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One pair in a list. {@code length} counts characters of a Japanese source and words of an
     * English one ({@code unit} {@code chars} or {@code words}), what a translator plans by.
     */
    public record Item(long id, long bulletinId, @Nullable String bulletinTitleJa, @Nullable String bulletinTitleEn,
                       LocalDate publishedOn, String office, String sourceLang, String targetLang, String title,
                       int length, String unit, PairStatus status, @Nullable String holder,
                       @Nullable Instant leaseExpiresAt, @Nullable String lastRejection) {
    }

    /**
     * How a list is read: in one direction only ({@code sourceLang} ja or en, null for both), and in
     * what order. Items stay grouped under their bulletin while the order keeps them together; ordered
     * by claim end or length, a bulletin's heading repeats where its items are apart.
     */
    public record Filter(@Nullable String sourceLang, Order order) {
        public static final Filter ALL = new Filter(null, Order.NEWEST);

        /** Unknown values read as the defaults: a queue is a page to read, not a request to refuse. */
        public static Filter of(@Nullable String direction, @Nullable String order) {
            String lang = "ja-en".equals(direction) ? "ja" : "en-ja".equals(direction) ? "en" : null;
            Order o = java.util.Arrays.stream(Order.values()).filter(v -> v.name().equalsIgnoreCase(order))
                    .findFirst().orElse(Order.NEWEST);
            return new Filter(lang, o);
        }
    }

    /** The orders a list offers: newest bulletin first (the default), oldest first, claims ending first, shortest first. */
    public enum Order {
        NEWEST(" ORDER BY b.published_on DESC, b.id DESC, p.position"),
        OLDEST(" ORDER BY b.published_on, b.id, p.position"),
        LEASE(" ORDER BY p.lease_expires_at IS NULL, p.lease_expires_at, b.published_on DESC, p.position"),
        LENGTH(" ORDER BY CHAR_LENGTH(s.body), p.id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** A list: its items grouped by bulletin, how many there are, and whether more were left out. */
    public record Queue(List<List<Item>> groups, int count, boolean more) {
        public static final Queue EMPTY = new Queue(List.of(), 0, false);
    }

    @Transactional(readOnly = true)
    public Queue heldBy(long userId, Collection<PairStatus> statuses, Filter filter) {
        return query("p.assignee_id = ? AND p.status IN (" + marks(statuses.size()) + ")", userId, statuses, List.of(),
                filter);
    }

    @Transactional(readOnly = true)
    public Queue ofOffices(Collection<String> offices, Collection<PairStatus> statuses, Filter filter) {
        if (offices.isEmpty()) {
            return Queue.EMPTY;
        }
        return query("p.office_code IN (" + marks(offices.size()) + ") AND p.status IN (" + marks(statuses.size()) + ")",
                null, statuses, offices, filter);
    }

    private Queue query(String where, @Nullable Long userId, Collection<PairStatus> statuses, Collection<String> offices,
                        Filter filter) {
        List<Object> params = new ArrayList<>();
        params.add(Action.REJECT.auditName());
        if (userId != null) {
            params.add(userId);
        }
        params.addAll(offices);
        statuses.forEach(s -> params.add(s.name()));
        String direction = "";
        if (filter.sourceLang() != null) {
            direction = " AND p.source_lang = ?";
            params.add(filter.sourceLang());
        }
        List<Item> items = new ArrayList<>();
        String sql = SELECT + where + direction + filter.order().sql + " LIMIT " + (LIMIT + 1);
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs));
                }
            }
            return null;
        });
        boolean more = items.size() > LIMIT;
        List<Item> shown = more ? items.subList(0, LIMIT) : items;
        List<List<Item>> groups = new ArrayList<>();
        for (Item item : shown) {
            if (groups.isEmpty() || groups.getLast().getFirst().bulletinId() != item.bulletinId()) {
                groups.add(new ArrayList<>());
            }
            groups.getLast().add(item);
        }
        return new Queue(groups, shown.size(), more);
    }

    private static Item item(ResultSet rs) throws SQLException {
        boolean ja = "ja".equals(rs.getString(7));
        Timestamp lease = rs.getTimestamp(14);
        return new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                ja ? rs.getInt(10) : rs.getInt(11), ja ? "chars" : "words", PairStatus.valueOf(rs.getString(12)),
                rs.getString(13), lease == null ? null : lease.toInstant(), rs.getString(15));
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
