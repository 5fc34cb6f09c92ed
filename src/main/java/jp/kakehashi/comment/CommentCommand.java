package jp.kakehashi.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A new comment or a corrected one: its text and, for a new one, the source sentence it is about. */
@Serdeable
public record CommentCommand(@Nullable String body, @Nullable Integer segment) {
}
