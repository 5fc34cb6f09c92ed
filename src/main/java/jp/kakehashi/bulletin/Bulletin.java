package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One issue of an office bulletin: the unit of bilingual release. */
@MappedEntity("bulletin")
public record Bulletin(@Id @GeneratedValue @Nullable Long id,
                       @Nullable String number,
                       @Nullable String titleJa,
                       @Nullable String titleEn,
                       LocalDate publishedOn,
                       String dedupKey,
                       BulletinState state,
                       @Nullable Instant releasedAt,
                       @DateCreated @Nullable Instant createdAt,
                       @Version @Nullable Long version) {

    public enum BulletinState { DRAFT, RELEASED }
}
