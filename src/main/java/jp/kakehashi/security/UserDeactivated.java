package jp.kakehashi.security;

import jp.kakehashi.audit.Actor;

/** Published inside the deactivating transaction, so listeners (claims) change in the same commit. */
public record UserDeactivated(long userId, Actor by) {
}
