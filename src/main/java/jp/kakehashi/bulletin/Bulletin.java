package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One issue of an office bulletin: the unit of release. Its source-language edition may be released
 * alone ({@link BulletinState#SOURCE_RELEASED}: readers see the originals, translations follow);
 * {@link BulletinState#RELEASED} means both editions are out.
 */
@MappedEntity("bulletin")
public record Bulletin(@Id @GeneratedValue @Nullable Long id,
                       @Nullable String number,
                       @Nullable String titleJa,
                       @Nullable String titleEn,
                       LocalDate publishedOn,
                       String dedupKey,
                       BulletinState state,
                       @Nullable Instant releasedAt,
                       @Nullable Instant sourceReleasedAt,
                       @DateCreated @Nullable Instant createdAt,
                       @Version @Nullable Long version) {

    public enum BulletinState {
        DRAFT, SOURCE_RELEASED, RELEASED;

        /** Whether readers see anything of a bulletin in this state. */
        public boolean isPublic() {
            return this != DRAFT;
        }
    }

    Bulletin withState(BulletinState to, @Nullable Instant released, @Nullable Instant sourceReleased) {
        return new Bulletin(id, number, titleJa, titleEn, publishedOn, dedupKey, to, released, sourceReleased,
                createdAt, version);
    }

    Bulletin withTitles(@Nullable String ja, @Nullable String en) {
        return new Bulletin(id, number, ja, en, publishedOn, dedupKey, state, releasedAt, sourceReleasedAt,
                createdAt, version);
    }
}
