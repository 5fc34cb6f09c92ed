package jp.kakehashi.search;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/** A validated search: the query text and filters. {@code status} only for staff. */
public record SearchRequest(String q, @Nullable String office, @Nullable LocalDate from, @Nullable LocalDate to,
                     @Nullable String lang, @Nullable String status, int page, int size, boolean staff) {
    public static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 100;
}
