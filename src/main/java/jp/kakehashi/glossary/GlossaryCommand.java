package jp.kakehashi.glossary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A term to create or replace: {@code office} null or "ALL" for every office; status PREFERRED by default. */
@Serdeable
public record GlossaryCommand(@Nullable String termJa, @Nullable String termEn, @Nullable String note,
                              @Nullable String office, @Nullable String status) {
}
