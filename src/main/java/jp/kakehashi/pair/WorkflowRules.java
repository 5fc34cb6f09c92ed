package jp.kakehashi.pair;

import static jp.kakehashi.pair.PairStatus.APPROVED;
import static jp.kakehashi.pair.PairStatus.CANCELLED;
import static jp.kakehashi.pair.PairStatus.CHANGES_REQUESTED;
import static jp.kakehashi.pair.PairStatus.CLAIMED;
import static jp.kakehashi.pair.PairStatus.OUTDATED;
import static jp.kakehashi.pair.PairStatus.RELEASED;
import static jp.kakehashi.pair.PairStatus.SUBMITTED;
import static jp.kakehashi.pair.PairStatus.UNASSIGNED;

import java.util.Arrays;
import java.util.List;
import jp.kakehashi.pair.Decision.Allowed;
import jp.kakehashi.pair.Decision.Refusal;
import jp.kakehashi.pair.Decision.Refused;

/**
 * The transition table of docs/design/workflow.md, with no I/O: state × action × subject → decision. Services
 * ask it first, then apply the change with a conditional UPDATE (state and version), so the table
 * is the one place that says who may do what. Data-dependent guards (non-empty target, QA errors,
 * current source revision) belong to the services.
 *
 * Order of checks: wrong state before wrong person (a 409 tells a racing client what happened),
 * then the person, then the reason.
 */
public final class WorkflowRules {
    private WorkflowRules() {
    }

    public static Decision decide(PairStatus from, Action action, Subject who) {
        PairStatus to = target(from, action);
        if (to == null) {
            return new Refused(Refusal.WRONG_STATE);
        }
        Refusal refusal = person(from, action, who);
        if (refusal != null) {
            return new Refused(refusal);
        }
        if (action.needsReason() && !who.hasReason()) {
            return new Refused(Refusal.REASON_REQUIRED);
        }
        return new Allowed(to, action == Action.CONFIRM);
    }

    /**
     * The actions a person may ask for on a pair in this state, in the pages' order: those with an
     * endpoint that the table has a row for. Whether this person may is still {@link #decide}'s
     * answer; the pages offer, the rules decide.
     */
    public static List<Action> offered(PairStatus from) {
        return Arrays.stream(Action.values()).filter(a -> a.endpoint() != null && target(from, a) != null).toList();
    }

    /** The state an action leads to from a state, or null where docs/design/workflow.md has no such row. */
    static PairStatus target(PairStatus from, Action action) {
        return switch (action) {
            case CLAIM -> from == UNASSIGNED || from == OUTDATED ? CLAIMED : null;
            case ASSIGN -> from == UNASSIGNED ? CLAIMED : null;
            case SAVE_DRAFT, TAKEOVER -> from == CLAIMED ? CLAIMED : null;
            case UNCLAIM, EXPIRE -> from == CLAIMED ? UNASSIGNED : null;
            case SUBMIT -> from == CLAIMED ? SUBMITTED : null;
            case APPROVE -> from == SUBMITTED ? APPROVED : null;
            case REJECT -> from == SUBMITTED ? CHANGES_REQUESTED : null;
            case RESUME -> from == CHANGES_REQUESTED ? CLAIMED : null;
            case UNAPPROVE -> from == APPROVED ? SUBMITTED : null;
            case RELEASE_BULLETIN -> from == APPROVED ? RELEASED : null;
            case RETRACT_BULLETIN -> from == RELEASED ? APPROVED : null;
            // bulletin-level changes: a withdrawn bulletin's pairs are deleted, a retitled one's stay where they
            // are, and so do those whose originals go out with the source edition (BulletinRelease)
            case WITHDRAW_BULLETIN, RETITLE_BULLETIN, RELEASE_SOURCE -> null;
            case SOURCE_SUBSTANTIVE -> from == CANCELLED ? null : OUTDATED;
            case SOURCE_TYPO -> from;
            case CONFIRM -> from == OUTDATED ? OUTDATED : null;
            case CANCEL -> from == RELEASED || from == CANCELLED ? null : CANCELLED;
            case REOPEN -> from == CANCELLED ? UNASSIGNED : null;
        };
    }

    private static Refusal person(PairStatus from, Action action, Subject who) {
        if (action == Action.EXPIRE) {
            return who.system() ? null : Refusal.FORBIDDEN;
        }
        return switch (action) {
            case CLAIM -> who.translator() ? null : Refusal.FORBIDDEN;
            case SAVE_DRAFT, UNCLAIM -> who.editor() || (who.translator() && who.holder()) ? null
                    : who.translator() ? Refusal.NOT_HOLDER : Refusal.FORBIDDEN;
            case SUBMIT -> who.translator() && who.holder() ? null
                    : who.translator() ? Refusal.NOT_HOLDER : Refusal.FORBIDDEN;
            case RESUME -> who.translator() && (who.lastSubmitter() || !who.leaseActive()) ? null
                    : who.translator() ? Refusal.NOT_HOLDER : Refusal.FORBIDDEN;
            case APPROVE -> !who.editor() ? Refusal.FORBIDDEN
                    : who.lastSubmitter() && !who.officeAllowsSelfApproval() ? Refusal.FOUR_EYES : null;
            case SOURCE_SUBSTANTIVE, SOURCE_TYPO -> who.editor() || who.system() ? null : Refusal.FORBIDDEN;
            default -> who.editor() ? null : Refusal.FORBIDDEN;
        };
    }
}
