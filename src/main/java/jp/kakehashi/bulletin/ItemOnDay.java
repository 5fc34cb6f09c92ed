package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Introspected;

/** An item of a bulletin already stored for a publish date, as a new import is compared with it. */
@Introspected
public record ItemOnDay(long bulletinId, String officeCode, String title, String body) {
}
