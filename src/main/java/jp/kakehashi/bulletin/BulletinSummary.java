package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

@Serdeable
public record BulletinSummary(long id, @Nullable String number, @Nullable String titleJa, @Nullable String titleEn,
                              LocalDate publishedOn, Bulletin.BulletinState state, long version) {
    static BulletinSummary of(Bulletin b) {
        return new BulletinSummary(b.id(), b.number(), b.titleJa(), b.titleEn(), b.publishedOn(), b.state(),
                b.version());
    }

    @Serdeable
    public record Page(long total, int page, int size, List<BulletinSummary> items) {
    }
}
