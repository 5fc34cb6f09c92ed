package jp.kakehashi.bulletin;

import jp.kakehashi.audit.Actor;

/** A bulletin's edition went out to readers (published in the releasing transaction). */
public record BulletinReleased(long bulletinId, Actor actor) {
}
