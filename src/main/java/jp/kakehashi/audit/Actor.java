package jp.kakehashi.audit;

import io.micronaut.core.annotation.Nullable;

/** Who does something: a signed-in user, or the service itself (importer, scheduler, demo loader). */
public record Actor(@Nullable Long id, String name) {
    public static final Actor SYSTEM = new Actor(null, "system");
}
