package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * A new bulletin with its pairs: the JSON body of {@code POST /api/v1/bulletins}, and what the
 * flash and report importers produce, so every way in goes through one writer and one set of bounds.
 */
@Serdeable
public record CreateBulletinCommand(@Nullable String number,
                                    @Nullable String titleJa,
                                    @Nullable String titleEn,
                                    @Nullable LocalDate publishedOn,
                                    @Nullable List<PairCommand> pairs) {

    public List<PairCommand> pairList() {
        return pairs == null ? List.of() : pairs;
    }

    @Serdeable
    public record PairCommand(@Nullable String office, @Nullable String sourceLang,
                              @Nullable SourceCommand source, @Nullable TargetCommand target) {
    }

    @Serdeable
    public record SourceCommand(@Nullable String title, @Nullable String dateline, @Nullable String body,
                                @Nullable List<String> captions, @Nullable List<String> images) {
        public List<String> captionList() {
            return captions == null ? List.of() : captions;
        }

        public List<String> imageList() {
            return images == null ? List.of() : images;
        }
    }

    @Serdeable
    public record TargetCommand(@Nullable String title, @Nullable String body) {
    }
}
