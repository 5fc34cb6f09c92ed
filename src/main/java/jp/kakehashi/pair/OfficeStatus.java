package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jp.kakehashi.database.Rows;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.system.ApiException;

/**
 * The per-office dashboard numbers of docs/design/workflow.md, straight from MariaDB in one read transaction:
 * counts per state, claims expiring within 24 h and overdue, median claim-to-approval time (first
 * claim of a pair to its latest approval), self-approvals, and progress of the latest bulletins.
 */
@Singleton
public class OfficeStatus {
    private static final int MAX_BULLETINS = 50;
    private static final int MAX_CLAIMS = 100;
    static final int WEEKS = 12;
    private final JdbcOperations jdbc;
    private final OfficeDirectory offices;

    OfficeStatus(JdbcOperations jdbc, OfficeDirectory offices) {
        this.jdbc = jdbc;
        this.offices = offices;
    }

    @Serdeable
    public record Claim(long pairId, long bulletinId, @Nullable String assignee, Instant leaseExpiresAt) {
    }

    @Serdeable
    public record Progress(long bulletinId, @Nullable String titleJa, LocalDate publishedOn, String state, int approved,
                    int cancelled, int total) {
    }

    /** Approvals in the week starting Monday {@code weekOf}, as the database dates them: the throughput. */
    @Serdeable
    public record Week(LocalDate weekOf, int approved) {
    }

    @Serdeable
    public record StatusView(String office, Map<PairStatus, Integer> counts, int expiringClaims, int overdueClaims,
                      List<Claim> expiring, List<Claim> overdue, @Nullable Long medianClaimToApprovalSeconds,
                      int approvals, int selfApprovals, List<Progress> bulletins, List<Week> approvalsPerWeek) {
    }

    @Transactional(readOnly = true)
    public StatusView of(String code) {
        if (!offices.exists(code)) {
            throw ApiException.notFound("Office " + code);
        }
        Instant now = Instant.now();
        Map<PairStatus, Integer> counts = new LinkedHashMap<>();
        for (PairStatus s : PairStatus.values()) {
            counts.put(s, 0);
        }
        query("SELECT status, COUNT(*) FROM doc_pair WHERE office_code = ? GROUP BY status", List.of(code),
                rs -> counts.put(PairStatus.valueOf(rs.getString(1)), rs.getInt(2)));
        String claims = "SELECT p.id, p.bulletin_id, u.username, p.lease_expires_at FROM doc_pair p"
                + " LEFT JOIN app_user u ON u.id = p.assignee_id WHERE p.office_code = ? AND p.status = 'CLAIMED'"
                + " AND p.lease_expires_at >= ? AND p.lease_expires_at < ? ORDER BY p.lease_expires_at LIMIT "
                + MAX_CLAIMS;
        List<Claim> expiring = claims(claims, code, now, now.plus(Duration.ofHours(24)));
        List<Claim> overdue = claims(claims, code, Instant.EPOCH, now);
        List<Long> durations = new ArrayList<>();
        int[] selfApproved = new int[2];
        // audit names come from Action, the one place that names them
        String claim = Action.CLAIM.auditName();
        String assign = Action.ASSIGN.auditName();
        String approve = Action.APPROVE.auditName(false);
        String self = Action.SELF_APPROVAL;
        query("SELECT TIMESTAMPDIFF(SECOND, MIN(c.created_at), MAX(a.created_at))"
                + " FROM audit_event a JOIN doc_pair p ON p.id = a.pair_id"
                + " JOIN audit_event c ON c.pair_id = a.pair_id AND c.action IN (?, ?)"
                + " WHERE p.office_code = ? AND a.action IN (?, ?) GROUP BY a.pair_id",
                List.of(claim, assign, code, approve, self), rs -> durations.add(rs.getLong(1)));
        query("SELECT COUNT(*), COALESCE(SUM(a.action = ?), 0) FROM audit_event a"
                + " JOIN doc_pair p ON p.id = a.pair_id WHERE p.office_code = ?"
                + " AND a.action IN (?, ?)", List.of(self, code, approve, self), rs -> {
                    selfApproved[0] = rs.getInt(1);
                    selfApproved[1] = rs.getInt(2);
                });
        List<Progress> progress = new ArrayList<>();
        query("SELECT b.id, b.title_ja, b.published_on, b.state, SUM(p.status IN ('APPROVED', 'RELEASED')),"
                + " SUM(p.status = 'CANCELLED'), COUNT(*) FROM doc_pair p JOIN bulletin b ON b.id = p.bulletin_id"
                + " WHERE p.office_code = ? GROUP BY b.id, b.title_ja, b.published_on, b.state"
                + " ORDER BY b.published_on DESC, b.id DESC LIMIT " + MAX_BULLETINS, List.of(code),
                rs -> progress.add(new Progress(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7))));
        return new StatusView(code, counts, expiring.size(), overdue.size(), expiring, overdue, median(durations),
                selfApproved[0], selfApproved[1], progress, weeks(code, now, approve, self));
    }

    /** The last {@link #WEEKS} weeks, this one included, oldest first; a week without approvals counts 0. */
    private List<Week> weeks(String code, Instant now, String approve, String self) {
        LocalDate thisWeek = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
        Map<LocalDate, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < WEEKS; i++) {
            counts.put(first.plusWeeks(i), 0);
        }
        query("SELECT DATE(a.created_at), COUNT(*) FROM audit_event a JOIN doc_pair p ON p.id = a.pair_id"
                + " WHERE p.office_code = ? AND a.action IN (?, ?) AND a.created_at >= ? GROUP BY DATE(a.created_at)",
                List.of(code, approve, self, Timestamp.valueOf(first.atStartOfDay())), rs -> {
                    LocalDate day = rs.getDate(1).toLocalDate();
                    counts.merge(day.with(java.time.temporal.TemporalAdjusters.previousOrSame(
                            java.time.DayOfWeek.MONDAY)), rs.getInt(2), Integer::sum);
                });
        return counts.entrySet().stream().map(e -> new Week(e.getKey(), e.getValue())).toList();
    }

    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private List<Claim> claims(String sql, String code, Instant from, Instant to) {
        List<Claim> result = new ArrayList<>();
        query(sql, List.of(code, Timestamp.from(from), Timestamp.from(to)), rs -> result.add(new Claim(rs.getLong(1),
                rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant())));
        return result;
    }

    private void query(String sql, List<Object> params, Rows.Row row) {
        Rows.each(jdbc, sql, params, row);
    }
}
