package jp.kakehashi.memory;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A memory match: IN_CONTEXT (the same sentence between the same neighbours; CAT tools' "101 %"),
 * EXACT (the same sentence, score 100), FUZZY (score below 100, at least the threshold). Ranked in
 * that order, then by score, then newest first.
 */
@Serdeable
public record TmMatch(Kind kind, int score, TmUnitView unit) {
    public enum Kind { IN_CONTEXT, EXACT, FUZZY }
}
