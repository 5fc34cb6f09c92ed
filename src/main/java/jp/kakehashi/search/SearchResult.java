package jp.kakehashi.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The result shape of docs/design/search.md. Snippets are escaped HTML with {@code <mark>} only.
 * {@code suggestions}: for a query without hits, the query with unknown words replaced by the nearest
 * the index holds (empty otherwise).
 */
@Serdeable
public record SearchResult(long total, int page, int size, String query, boolean queryTruncated, List<Hit> hits,
                    Map<String, Map<String, Integer>> facets, List<String> suggestions) {

    @Serdeable
    public record Hit(long pairId, long bulletinId, String office, LocalDate publishedOn, float score,
               @Nullable String status, @Nullable Side ja, @Nullable Side en) {
    }

    @Serdeable
    public record Side(String title, @Nullable String snippet) {
    }
}
