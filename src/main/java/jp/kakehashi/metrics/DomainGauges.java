package jp.kakehashi.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jp.kakehashi.database.Rows;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.pair.PairStatus;
import jp.kakehashi.index.IndexFollower;

/**
 * The work's own numbers, read from MariaDB when metrics are scraped (one GROUP BY each, on indexed
 * columns): pairs per office and state, claims ending within 24 h per office, and how far each of
 * this instance's indexes is behind what it follows (the search index the outbox, the memory index
 * the memory's units: rows, and the age of the oldest row not applied), and the mail and webhook
 * outboxes per state. Read at scrape time rather than counted as things happen, so every instance
 * reports the same truth and a restart loses nothing.
 */
@Singleton
class DomainGauges {
    private final JdbcOperations jdbc;
    private final List<IndexFollower> followers;
    private final OfficeDirectory offices;
    private final MultiGauge pairs;
    private final MultiGauge expiring;
    private final MultiGauge mail;
    private final MultiGauge hooks;
    /** Per follower: rows not applied yet, and the age in seconds of the oldest of them. */
    private final Map<IndexFollower, AtomicLong[]> lag = new java.util.LinkedHashMap<>();

    DomainGauges(JdbcOperations jdbc, List<IndexFollower> followers, OfficeDirectory offices, MeterRegistry registry) {
        this.offices = offices;
        this.jdbc = jdbc;
        this.followers = followers;
        this.pairs = MultiGauge.builder("kakehashi.pairs").description("Pairs per office and state")
                .register(registry);
        this.expiring = MultiGauge.builder("kakehashi.claims.expiring")
                .description("Claims ending within 24 hours, per office").register(registry);
        this.mail = MultiGauge.builder("kakehashi.mail.outbox")
                .description("Notification mail per state (PENDING, SENDING, SENT, FAILED)").register(registry);
        this.hooks = MultiGauge.builder("kakehashi.webhook.deliveries")
                .description("Webhook deliveries per state (PENDING, SENDING, DELIVERED, FAILED)").register(registry);
        for (IndexFollower f : followers) {
            AtomicLong[] rowsAndSeconds = {new AtomicLong(), new AtomicLong()};
            lag.put(f, rowsAndSeconds);
            Tags indexer = Tags.of("indexer", f.source().label());
            registry.gauge("kakehashi.outbox.lag.rows", indexer, rowsAndSeconds[0]);
            registry.gauge("kakehashi.outbox.lag.seconds", indexer, rowsAndSeconds[1]);
        }
    }

    /** Every office and state has its series, at zero when it has no pairs: dashboards and alerts see 0, not nothing. */
    @Transactional(readOnly = true)
    void refresh() {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> claims = new TreeMap<>();
        for (var office : offices.all()) {
            claims.put(office.code(), 0L);
            for (PairStatus state : PairStatus.values()) {
                counts.put(office.code() + "/" + state.name(), 0L);
            }
        }
        query("SELECT office_code, status, COUNT(*) FROM doc_pair GROUP BY office_code, status", null, rs ->
                counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)));
        query("SELECT office_code, COUNT(*) FROM doc_pair WHERE status = 'CLAIMED' AND lease_expires_at < ?"
                + " GROUP BY office_code", Timestamp.from(Instant.now().plus(Duration.ofHours(24))), rs ->
                claims.put(rs.getString(1), rs.getLong(2)));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((key, n) -> rows.add(MultiGauge.Row.of(Tags.of("office", key.substring(0, key.indexOf('/')),
                "state", key.substring(key.indexOf('/') + 1)), n)));
        pairs.register(rows, true);
        expiring.register(claims.entrySet().stream().<MultiGauge.Row<?>>map(e ->
                MultiGauge.Row.of(Tags.of("office", e.getKey()), e.getValue())).toList(), true);
        mail.register(byState("mail_outbox", "PENDING", "SENDING", "SENT", "FAILED"), true);
        hooks.register(byState("webhook_delivery", "PENDING", "SENDING", "DELIVERED", "FAILED"), true);
        for (IndexFollower f : followers) {
            AtomicLong[] rowsAndSeconds = lag.get(f);
            // the table is the follower's own constant, never input
            query("SELECT COUNT(*), MIN(created_at) FROM " + f.source().table() + " WHERE seq > ? OR seq IS NULL",
                    f.appliedUpTo(),
                    rs -> {
                        rowsAndSeconds[0].set(rs.getLong(1));
                        Timestamp oldest = rs.getTimestamp(2);
                        rowsAndSeconds[1].set(oldest == null ? 0 : Math.max(0,
                                Duration.between(oldest.toInstant(), Instant.now()).toSeconds()));
                    });
        }
    }

    /** Rows of an outbox table per state, every state present (0 when none); the table is a constant here. */
    private List<MultiGauge.Row<?>> byState(String table, String... states) {
        Map<String, Long> n = new TreeMap<>();
        for (String state : states) {
            n.put(state, 0L);
        }
        query("SELECT state, COUNT(*) FROM " + table + " GROUP BY state", null, rs -> n.put(rs.getString(1), rs.getLong(2)));
        return n.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("state", e.getKey()),
                e.getValue())).toList();
    }

    private void query(String sql, Object param, Rows.Row row) {
        Rows.each(jdbc, sql, param == null ? List.of() : List.of(param), row);
    }
}
