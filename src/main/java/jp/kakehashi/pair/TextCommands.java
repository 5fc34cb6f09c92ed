package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Bodies of the write endpoints of a pair. */
public final class TextCommands {
    private TextCommands() {
    }

    @Serdeable
    /**
     * {@code links}: the sentence alignment of this draft as the translator corrected it ("0+1=0",
     * "2=1+2", "3=", …, covering every sentence in order), or null to align it automatically.
     * {@code captions}: translations of the source's captions, in order ('' for one not done yet), or
     * null to keep those of the current draft.
     */
    public record SaveTargetCommand(@Nullable String title, @Nullable String body, @Nullable List<String> links,
                                    @Nullable List<String> captions) {
        public SaveTargetCommand(@Nullable String title, @Nullable String body) {
            this(title, body, null, null);
        }
    }

    @Serdeable
    record ReviseSourceCommand(@Nullable String title, @Nullable String body, @Nullable List<String> captions,
                               @Nullable String change, @Nullable String reason) {
    }

    @Serdeable
    public record ActionCommand(@Nullable String reason, @Nullable String assignee) {
    }
}
