package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import jp.kakehashi.align.Aligner;

/** A pair as the API shows it: both sides with their current revisions. */
@Serdeable
public record PairView(long id, long bulletinId, int position, String office, String sourceLang, String targetLang,
                       PairStatus status, @Nullable String assignee, @Nullable Instant leaseExpiresAt,
                       boolean sourceUpdated, long version, SourceView source, @Nullable TargetView target) {

    /** The body and its draft as aligned sentences: the links a person gave with the draft, or automatic. */
    public Aligner.Alignment alignment(Aligner aligner) {
        return aligner.align(source.body(), sourceLang, target == null ? "" : target.body(), targetLang,
                target == null ? null : target.links());
    }

    @Serdeable
    public record SourceView(String title, @Nullable String dateline, String body, List<String> captions,
                             List<String> images, int revision) {
        static SourceView of(SourceRevision r) {
            return new SourceView(r.title(), r.dateline(), r.body(), r.captions(), r.images(), r.revision());
        }
    }

    /** {@code links}: the alignment a person gave with this draft, or null when it is aligned automatically. */
    @Serdeable
    public record TargetView(String title, String body, List<String> captions, int revision, int basedOnSourceRevision,
                             @Nullable List<String> links) {
        static TargetView of(TargetRevision r) {
            return new TargetView(r.title(), r.body(), r.captions(), r.revision(), r.basedOnSourceRevision(),
                    r.links() == null ? null : List.of(r.links().split(" ")));
        }
    }
}
