package jp.kakehashi.pair;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything that can happen to a pair (docs/design/workflow.md), with its whole vocabulary: the
 * endpoint name a person requests it by ({@code POST /api/v1/pairs/{id}/<endpoint>}, the same name on
 * the pages' buttons and in their labels {@code action.<endpoint>}), whether it needs a reason, and
 * the name its audit events carry. The system's actions (lease expiry, source revisions, bulletin
 * release) have no endpoint here. Declared in the order the pages offer them.
 *
 * <p>"Release" means publishing a bulletin and nothing else ({@link #RELEASE_BULLETIN}, {@code POST
 * /api/v1/bulletins/{id}/release}); giving a claim back is {@link #UNCLAIM}. Until V8 both were
 * "release", and a reader of the API or the audit could not tell a translator stepping back from a
 * bulletin going public.
 */
public enum Action {
    CLAIM("claim"), ASSIGN("assign"), SUBMIT("submit"), RESUME("resume"), APPROVE("approve"), REJECT("reject"),
    UNAPPROVE("unapprove"), CONFIRM("confirm"), UNCLAIM("unclaim"), TAKEOVER("takeover"),
    REOPEN("reopen"), CANCEL("cancel"),
    SAVE_DRAFT(null), EXPIRE(null), RELEASE_BULLETIN(null), RELEASE_SOURCE(null), RETRACT_BULLETIN(null),
    WITHDRAW_BULLETIN(null),
    RETITLE_BULLETIN(null),
    SOURCE_SUBSTANTIVE(null), SOURCE_TYPO(null);

    /** The audit name of an approval by the pair's last submitter (offices that allow it). */
    public static final String SELF_APPROVAL = "approve_self";
    /** The audit name each pair of a bulletin carries when the bulletin is released with it. */
    public static final String RELEASED_WITH_BULLETIN = "release";
    /** The audit name of a pair whose source is published with its bulletin's source edition. */
    public static final String SOURCE_RELEASED_WITH_BULLETIN = "release_source";
    /** The audit name of a translation published on its approval (an office releasing item by item). */
    public static final String RELEASED_ON_APPROVAL = "release_item";
    /** The audit name of a submit refused because the source changed under the draft. */
    public static final String SUBMIT_REFUSED_OUTDATED = "submit_refused_outdated";

    private final String endpoint;

    Action(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The action a person requests by this endpoint name (claim, unclaim, …); empty for anything else. */
    public static Optional<Action> ofEndpoint(String name) {
        return Arrays.stream(values()).filter(a -> a.endpoint != null && a.endpoint.equals(name)).findFirst();
    }

    /** The endpoint name, or null for the system's actions. */
    public String endpoint() {
        return endpoint;
    }

    /** A reason is mandatory for these; it shows in the history and on the translator's list. */
    public boolean needsReason() {
        return switch (this) {
            case TAKEOVER, REJECT, UNAPPROVE, RETRACT_BULLETIN, WITHDRAW_BULLETIN, CONFIRM, CANCEL -> true;
            default -> false;
        };
    }

    /** Assign names the person it gives the pair to, which the pages' buttons do not ask for. */
    public boolean needsAssignee() {
        return this == ASSIGN;
    }

    /** The name its audit events carry ({@code approve} and {@link #SELF_APPROVAL} for approvals). */
    public String auditName(boolean bySubmitter) {
        return switch (this) {
            case APPROVE -> bySubmitter ? SELF_APPROVAL : "approve";
            case RELEASE_BULLETIN -> "bulletin_release";
            case RELEASE_SOURCE -> "bulletin_release_source";
            case RETRACT_BULLETIN -> "bulletin_retract";
            case WITHDRAW_BULLETIN -> "bulletin_withdraw";
            case RETITLE_BULLETIN -> "bulletin_retitle";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** {@link #auditName(boolean)} of anything but an approval. */
    public String auditName() {
        return auditName(false);
    }
}
