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
     * {@code segments}: instead of {@code body} and {@code links}, the translation segment by segment as
     * the segment editor sends it; the text and its links are made from them ({@code align/Composition}).
     */
    public record SaveTargetCommand(@Nullable String title, @Nullable String body, @Nullable List<String> links,
                                    @Nullable List<String> captions, @Nullable List<SegmentText> segments) {
        public SaveTargetCommand(@Nullable String title, @Nullable String body) {
            this(title, body, null, null, null);
        }

        public SaveTargetCommand(@Nullable String title, @Nullable String body, @Nullable List<String> links,
                                 @Nullable List<String> captions) {
            this(title, body, links, captions, null);
        }
    }

    /** One row of the segment editor: the source sentences it translates ("0+1", "" for none) and its text. */
    @Serdeable
    public record SegmentText(@Nullable String sources, @Nullable String text) {
    }

    @Serdeable
    record ReviseSourceCommand(@Nullable String title, @Nullable String body, @Nullable List<String> captions,
                               @Nullable String change, @Nullable String reason) {
    }

    @Serdeable
    public record ActionCommand(@Nullable String reason, @Nullable String assignee) {
    }
}
