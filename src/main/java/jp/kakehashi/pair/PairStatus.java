package jp.kakehashi.pair;

/** Translation status of a pair; the transitions between them are the workflow's business. */
public enum PairStatus {
    UNASSIGNED, CLAIMED, SUBMITTED, CHANGES_REQUESTED, APPROVED, RELEASED, OUTDATED, CANCELLED
}
