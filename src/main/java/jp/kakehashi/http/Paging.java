package jp.kakehashi.http;

import io.micronaut.core.annotation.Nullable;
import jp.kakehashi.system.ApiException;

/** A list's {@code page} and {@code size} query parameters, defaulted and bounded the same way everywhere. */
public record Paging(int page, int size) {

    /**
     * @param maxPage the highest page a caller may ask for ({@link Integer#MAX_VALUE} where a page
     *                costs no more the deeper it lies); a deeper page is refused, not answered empty
     */
    public static Paging of(@Nullable Integer page, @Nullable Integer size, int defaultSize, int maxSize, int maxPage) {
        int p = page == null ? 0 : page;
        int s = size == null ? defaultSize : size;
        if (p < 0 || p > maxPage) {
            throw ApiException.invalidParameter("page", "page must be 0 … " + maxPage);
        }
        if (s < 1 || s > maxSize) {
            throw ApiException.invalidParameter("size", "size must be 1 … " + maxSize);
        }
        return new Paging(p, s);
    }
}
