package jp.kakehashi.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A comment as staff see it: a deleted one keeps its place in the thread (who deleted it, when) and
 * loses its text. {@code mayEdit}/{@code mayDelete} say what the person asking may still do with it.
 */
@Serdeable
public record CommentView(long id, long pairId, @Nullable Integer segment, String author, String body,
                          List<String> mentions, Instant createdAt, @Nullable Instant editedAt,
                          @Nullable Instant deletedAt, @Nullable String deletedBy, long version, boolean mayEdit,
                          boolean mayDelete) {

    static CommentView of(Comment c, boolean mayEdit, boolean mayDelete) {
        return new CommentView(c.id(), c.pairId(), c.segment(), c.authorName(), c.body(),
                c.mentions().isEmpty() ? List.of() : Arrays.asList(c.mentions().split(" ")), c.createdAt(),
                c.editedAt(), c.deletedAt(), c.deletedBy(), c.version() == null ? 0 : c.version(), mayEdit, mayDelete);
    }
}
