package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;
import jp.kakehashi.office.Office;
import jp.kakehashi.pair.Decision.Allowed;
import jp.kakehashi.pair.Decision.Refused;
import jp.kakehashi.security.Staff;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Asks {@link WorkflowRules} on behalf of a signed-in person and turns refusals into API errors, in
 * the order in docs/design/workflow.md: not of this office → 403; wrong state → 409; stale If-Match → 412; wrong
 * person → 403, not the holder → 423; missing reason → 422.
 */
final class PairGuard {
    private PairGuard() {
    }

    static Allowed check(Pair p, Action action, Staff who, Office office, @Nullable String reason,
                         @Nullable Long ifMatch, Instant now) {
        if (!who.worksOn(p.officeCode())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "You do not translate or edit for office " + p.officeCode());
        }
        Subject subject = subject(p, who, office, reason != null && !reason.isBlank(), now);
        Decision decision = WorkflowRules.decide(p.status(), action, subject);
        if (decision instanceof Refused(Decision.Refusal why) && why == Decision.Refusal.WRONG_STATE) {
            throw wrongState(p, action);
        }
        matches(p, ifMatch);
        return switch (decision) {
            case Allowed allowed -> allowed;
            case Refused(Decision.Refusal why) -> throw refusal(why, p, who, action);
        };
    }

    /** The person as the rules see them on this pair: a member of its office, holder, last submitter. */
    static Subject subject(Pair p, Staff who, Office office, boolean hasReason, Instant now) {
        boolean leaseActive = p.leaseActive(now);
        return new Subject(who.roles(), who.worksOn(p.officeCode()), leaseActive && Objects.equals(p.assigneeId(),
                who.id()), Objects.equals(p.lastSubmitterId(), who.id()), leaseActive, office.selfApproval(), false,
                hasReason);
    }

    static void matches(Pair p, @Nullable Long ifMatch) {
        if (ifMatch != null && !ifMatch.equals(p.version())) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED,
                    "The pair is at version " + p.version() + ", not " + ifMatch).with("currentVersion", p.version());
        }
    }

    static ApiException wrongState(Pair p, Action action) {
        return new ApiException(ErrorCode.WRONG_STATE,
                "A pair in state " + p.status() + " does not allow " + action.name().toLowerCase(java.util.Locale.ROOT))
                .with("status", p.status());
    }

    private static ApiException refusal(Decision.Refusal why, Pair p, Staff who, Action action) {
        return switch (why) {
            case FORBIDDEN -> new ApiException(ErrorCode.FORBIDDEN, "Your role does not allow this");
            case NOT_HOLDER -> Objects.equals(p.assigneeId(), who.id()) && p.status() == PairStatus.CLAIMED
                    ? new ApiException(ErrorCode.LEASE_EXPIRED, "Your claim expired at " + p.leaseExpiresAt())
                    : new ApiException(ErrorCode.LOCKED, "Someone else holds this pair");
            case REASON_REQUIRED -> new ApiException(ErrorCode.REASON_REQUIRED,
                    action.name().toLowerCase(java.util.Locale.ROOT) + " needs a reason");
            case FOUR_EYES -> new ApiException(ErrorCode.FOUR_EYES, "You submitted this translation last");
            case WRONG_STATE -> wrongState(p, action);
        };
    }
}
