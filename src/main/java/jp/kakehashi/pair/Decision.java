package jp.kakehashi.pair;


/** The outcome of asking the rules: allowed (to a state), or refused with why. */
public sealed interface Decision {
    /** {@code restorePrevious}: CONFIRM returns an OUTDATED pair to the state it had before. */
    record Allowed(PairStatus to, boolean restorePrevious) implements Decision {
    }

    record Refused(Refusal why) implements Decision {
    }

    /** Each refusal maps to one HTTP status: 409, 403, 423, 422, 403. */
    enum Refusal { WRONG_STATE, FORBIDDEN, NOT_HOLDER, REASON_REQUIRED, FOUR_EYES }
}
