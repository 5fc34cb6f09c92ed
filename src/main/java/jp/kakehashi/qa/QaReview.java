package jp.kakehashi.qa;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kakehashi.audit.AuditEvent;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.database.RetryOnConflict;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.security.UserRepository;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;
import jp.kakehashi.system.Hashes;

/**
 * The QA report of a pair's current draft with editors' acknowledgements. An acknowledgement names
 * a warning by code and detail (the detail says which number, date or term), so it holds for that
 * warning on later drafts too and lapses by itself when the warning changes. Blocking errors cannot
 * be acknowledged: they stop submit by design (docs/design/workflow.md).
 */
@Singleton
public class QaReview {
    private final DraftChecks checks;
    private final QaAcknowledgementRepository acks;
    private final UserRepository users;
    private final AuditRepository audit;

    QaReview(DraftChecks checks, QaAcknowledgementRepository acks, UserRepository users,
             AuditRepository audit) {
        this.checks = checks;
        this.acks = acks;
        this.users = users;
        this.audit = audit;
    }

    @Serdeable
    public record Acknowledged(String by, String reason, Instant at) {
    }

    /** {@code segments}: the rows of the pair's segment view the issue is about (NUMBERS, DATES), else empty. */
    @Serdeable
    public record IssueView(String code, QaChecks.Severity severity, String detail, @Nullable Acknowledged acknowledged,
                            List<Integer> segments) {
    }

    @Serdeable
    public record Report(List<IssueView> issues, boolean blocking) {
    }

    @Serdeable
    public record AcknowledgeCommand(@Nullable String code, @Nullable String detail, @Nullable String reason) {
    }

    @Transactional(readOnly = true)
    public Report report(Draft draft) {
        List<QaChecks.Issue> issues = checks.of(draft);
        Map<String, QaAcknowledgement> byKey = acks.findByPairIdOrderById(draft.pairId()).stream()
                .collect(Collectors.toMap(a -> a.code() + ':' + a.detailKey(), Function.identity(), (a, b) -> a));
        List<IssueView> views = new ArrayList<>();
        List<List<Integer>> segments = checks.segments(draft, issues);
        for (int n = 0; n < issues.size(); n++) {
            QaChecks.Issue i = issues.get(n);
            QaAcknowledgement a = i.severity() == QaChecks.Severity.WARNING ? byKey.get(i.code() + ':' + Hashes.sha256(i.detail())) : null;
            views.add(new IssueView(i.code(), i.severity(), i.detail(), a == null ? null
                    : new Acknowledged(users.findById(a.acknowledgedBy()).map(User::username).orElse("?"), a.reason(),
                            a.createdAt()), segments.get(n)));
        }
        return new Report(views, QaChecks.blocking(issues));
    }

    /** One transaction: the acknowledgement and its audit row. */
    @Transactional
    @RetryOnConflict
    public Report acknowledge(Draft draft, Staff who, AcknowledgeCommand c) {
        if (!who.editorOf(draft.office())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Editors of office " + draft.office() + " acknowledge warnings");
        }
        String reason = c.reason() == null ? "" : c.reason().strip();
        if (reason.isEmpty()) {
            throw new ApiException(ErrorCode.REASON_REQUIRED, "Say why the warning is intended").with("field", "reason");
        }
        FieldLimits.length("reason", reason, FieldLimits.MAX_REASON); // code points, as every limit
        IssueView issue = report(draft).issues().stream()
                .filter(i -> i.code().equals(c.code()) && i.detail().equals(c.detail())
                        && i.severity() == QaChecks.Severity.WARNING)
                .findFirst().orElseThrow(() -> new ApiException(ErrorCode.NOT_A_WARNING,
                        "The current draft has no warning " + c.code() + " with that detail").with("field", "code"));
        if (issue.acknowledged() != null) {
            throw new ApiException(ErrorCode.ALREADY_ACKNOWLEDGED, "Already acknowledged by " + issue.acknowledged().by());
        }
        String detail = issue.detail().length() > 1000 ? issue.detail().substring(0, 1000) : issue.detail();
        acks.save(new QaAcknowledgement(null, draft.pairId(), issue.code(), Hashes.sha256(issue.detail()), detail,
                reason, who.id(), draft.targetRevision(), Instant.now(), null));
        audit.save(new AuditEvent(null, draft.bulletinId(), draft.pairId(), who.id(), who.username(), "qa_acknowledge",
                draft.status(), draft.status(), issue.code() + ": " + reason, null));
        return report(draft);
    }
}
