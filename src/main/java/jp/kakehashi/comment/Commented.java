package jp.kakehashi.comment;

import jp.kakehashi.audit.Actor;

/** A comment written, published inside its transaction, with the colleagues it names. */
public record Commented(long pairId, long bulletinId, Actor author, String excerpt, java.util.Set<String> mentions) {
}
