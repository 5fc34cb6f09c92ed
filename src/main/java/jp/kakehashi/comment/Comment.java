package jp.kakehashi.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** One comment on a pair, or on one source sentence of it ({@code segment}). */
@MappedEntity("pair_comment")
public record Comment(@Id @GeneratedValue @Nullable Long id, long pairId, @Nullable Integer segment, long authorId,
                      String authorName, String body, String mentions, Instant createdAt, @Nullable Instant editedAt,
                      @Nullable Instant deletedAt, @Nullable String deletedBy, @Version @Nullable Long version) {

    boolean deleted() {
        return deletedAt != null;
    }

    Comment edited(String newBody, String newMentions, Instant at) {
        return new Comment(id, pairId, segment, authorId, authorName, newBody, newMentions, createdAt, at, null, null,
                version);
    }

    Comment deletedBy(String who, Instant at) {
        return new Comment(id, pairId, segment, authorId, authorName, "", "", createdAt, editedAt, at, who, version);
    }
}
