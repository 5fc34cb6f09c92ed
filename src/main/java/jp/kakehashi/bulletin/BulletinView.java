package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.kakehashi.pair.PairView;

@Serdeable
public record BulletinView(long id, @Nullable String number, @Nullable String titleJa, @Nullable String titleEn,
                           LocalDate publishedOn, Bulletin.BulletinState state, @Nullable Instant releasedAt,
                           @Nullable Instant sourceReleasedAt, List<Edition> editions, long version,
                           List<PairView> pairs) {
}
