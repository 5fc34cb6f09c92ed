package jp.kakehashi.feed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.HexFormat;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.Hashes;

/**
 * Atom feeds of the released archive for readers' feed readers and for sites that republish it:
 * every item, one office's, or a saved search's, in Japanese or English. Anyone may read them and
 * nobody sees more in them than readers do. An ETag lets a poller that has the current feed get
 * 304 instead of the document. Documents in a standard format, like the pages, they stay out of the
 * OpenAPI reference (docs/api.md describes them).
 */
@Hidden
@Controller("/feeds")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class FeedController {
    static final int MAX_QUERY = 200;
    private final Feeds feeds;
    private final OfficeDirectory offices;

    FeedController(Feeds feeds, OfficeDirectory offices) {
        this.feeds = feeds;
        this.offices = offices;
    }

    /** {@code lang}: {@code ja} (default) or {@code en}; {@code office}: one office's items only. */
    @Get(uri = "/bulletins.atom{?lang,office}", produces = AtomWriter.MEDIA_TYPE)
    HttpResponse<byte[]> bulletins(@Nullable String lang, @Nullable String office,
                                   @Nullable @Header("If-None-Match") String ifNoneMatch) {
        String l = lang(lang);
        String o = office(office);
        UriBuilder self = UriBuilder.of("/feeds/bulletins.atom").queryParam("lang", l);
        if (o != null) {
            self.queryParam("office", o);
        }
        return answer(feeds.bulletins(l, o, self.toString()), ifNoneMatch);
    }

    /** A search kept as a feed: the reader page's search {@code q} (and office), newest first. */
    @Get(uri = "/search.atom{?q,lang,office}", produces = AtomWriter.MEDIA_TYPE)
    HttpResponse<byte[]> search(@Nullable String q, @Nullable String lang, @Nullable String office,
                                @Nullable @Header("If-None-Match") String ifNoneMatch) {
        if (q == null || q.isBlank() || q.length() > MAX_QUERY) {
            throw ApiException.invalidParameter("q", "q must be 1 … " + MAX_QUERY + " characters");
        }
        String l = lang(lang);
        String o = office(office);
        UriBuilder self = UriBuilder.of("/feeds/search.atom").queryParam("q", q).queryParam("lang", l);
        UriBuilder page = UriBuilder.of("/").queryParam("q", q).queryParam("lang", l);
        if (o != null) {
            self.queryParam("office", o);
            page.queryParam("office", o);
        }
        return answer(feeds.search(q, l, o, self.toString(), page.toString()), ifNoneMatch);
    }

    private static HttpResponse<byte[]> answer(Feed feed, @Nullable String ifNoneMatch) {
        byte[] atom = AtomWriter.write(feed);
        String etag = "\"" + HexFormat.of().formatHex(Hashes.sha256(atom), 0, 16) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.<byte[]>notModified().header("ETag", etag);
        }
        return HttpResponse.ok(atom).contentType(AtomWriter.MEDIA_TYPE + "; charset=utf-8").header("ETag", etag)
                .header("Cache-Control", "public, max-age=300");
    }

    private static String lang(@Nullable String lang) {
        if (lang == null || lang.equals("ja") || lang.equals("en")) {
            return lang == null ? "ja" : lang;
        }
        throw ApiException.invalidParameter("lang", "lang is ja or en");
    }

    private String office(@Nullable String office) {
        if (office != null && !offices.exists(office)) {
            throw ApiException.invalidParameter("office", "Unknown office code");
        }
        return office;
    }
}
