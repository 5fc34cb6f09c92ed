package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import jp.kakehashi.audit.Actor;

/**
 * A workflow action applied to a pair, published inside its transaction: a listener's writes (a
 * notification) commit or roll back with the action itself.
 */
public record PairActed(Pair before, Pair after, Actor actor, String action, @Nullable String reason) {
}
