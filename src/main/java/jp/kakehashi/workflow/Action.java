package jp.kakehashi.workflow;

/** Everything that can happen to a pair (docs/design/workflow.md); some are endpoints, some are the system's. */
public enum Action {
    CLAIM, ASSIGN, SAVE_DRAFT, RELEASE_CLAIM, EXPIRE, TAKEOVER, SUBMIT, APPROVE, REJECT, RESUME, UNAPPROVE,
    RELEASE_BULLETIN, RETRACT_BULLETIN, SOURCE_SUBSTANTIVE, SOURCE_TYPO, CONFIRM, CANCEL, REOPEN;

    /** The endpoint name of an action a person requests (claim, release, …); null for the system's. */
    public static Action ofEndpoint(String name) {
        return WorkflowController.ACTIONS.get(name);
    }

    /** docs/design/workflow.md: a reason is mandatory for these. */
    public boolean needsReason() {
        return switch (this) {
            case TAKEOVER, REJECT, UNAPPROVE, RETRACT_BULLETIN, CONFIRM, CANCEL -> true;
            default -> false;
        };
    }
}
