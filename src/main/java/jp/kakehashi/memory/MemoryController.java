package jp.kakehashi.memory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.security.User.Role;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/** The translation memory over HTTP: lookup, concordance, suggestions for a pair, TMX exchange. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class MemoryController {
    static final String TMX = "application/x-tmx+xml";
    static final int MAX_EXPORT = 5_000;
    private final MemoryQueries queries;
    private final TranslationMemory memory;
    private final StaffLookup staff;

    MemoryController(MemoryQueries queries, TranslationMemory memory, StaffLookup staff) {
        this.queries = queries;
        this.memory = memory;
        this.staff = staff;
    }

    @Serdeable
    record Lookup(String text, String lang, int threshold, List<TmMatch> matches) {
    }

    @Get("/tm/lookup{?text,lang,previous,next,threshold,limit}")
    Lookup lookup(@Nullable String text, @Nullable String lang, @Nullable String previous, @Nullable String next,
                  @Nullable Integer threshold, @Nullable Integer limit, @Nullable Authentication auth) {
        staff.require(auth);
        MemoryQueries.Params p = queries.params(text, lang, threshold, limit);
        return new Lookup(text, p.lang(), p.threshold(), queries.lookup(text, p, previous, next));
    }

    @Get("/tm/concordance{?q,lang,limit}")
    Concordance.Result concordance(@Nullable String q, @Nullable String lang, @Nullable Integer limit,
                                   @Nullable Authentication auth) {
        staff.require(auth);
        return queries.concordance(q, lang, limit);
    }

    /** One page of the memory as TMX; {@code Link: …; rel="next"} names the next page while there is one. */
    @Get(uri = "/tm/export.tmx{?after,limit}", produces = TMX)
    HttpResponse<byte[]> export(@Nullable Long after, @Nullable Integer limit, @Nullable Authentication auth) {
        Staff who = staff.require(auth);
        int size = limit == null ? MAX_EXPORT : limit;
        if (size < 1 || size > MAX_EXPORT) {
            throw ApiException.invalidParameter("limit", "limit must be 1 … " + MAX_EXPORT);
        }
        List<TmUnit> page = memory.page(after == null ? 0 : Math.max(0, after), size);
        var response = HttpResponse.ok(memory.exportTmx(page, who.username()))
                .header("Content-Disposition", "attachment; filename=\"kakehashi-memory.tmx\"");
        if (page.size() == size) {
            response.header("Link", "</api/v1/tm/export.tmx?after=" + page.getLast().id() + "&limit=" + size
                    + ">; rel=\"next\"");
        }
        return response;
    }

    @Post(uri = "/tm/import", consumes = {TMX, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    TranslationMemory.ImportResult importTmx(@Nullable @Body byte[] body, @Nullable Authentication auth) {
        return memory.importTmx(body, staff.require(auth));
    }
}
