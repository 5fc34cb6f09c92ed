package jp.kakehashi.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** An account. {@code roles} is a comma-separated set of {@link Role} names; offices live in user_office. */
@MappedEntity("app_user")
public record User(@Id @GeneratedValue @Nullable Long id, String username, String displayName, String passwordHash,
                   String roles, boolean active, long tokenEpoch, @DateCreated @Nullable Instant createdAt,
                   @Version @Nullable Long version) {

    public enum Role { TRANSLATOR, EDITOR, ADMIN }
}
