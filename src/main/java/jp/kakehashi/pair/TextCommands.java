package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Bodies of the write endpoints of a pair. */
public final class TextCommands {
    private TextCommands() {
    }

    @Serdeable
    public record SaveTargetCommand(@Nullable String title, @Nullable String body) {
    }

    @Serdeable
    record ReviseSourceCommand(@Nullable String title, @Nullable String body, @Nullable List<String> captions,
                               @Nullable String change, @Nullable String reason) {
    }

    @Serdeable
    public record ActionCommand(@Nullable String reason, @Nullable String assignee) {
    }
}
