package jp.kakehashi.memory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import jp.kakehashi.job.Job;
import jp.kakehashi.job.JobView;
import jp.kakehashi.job.Jobs;
import jp.kakehashi.job.Prefer;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.system.ApiException;

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
    private final Jobs jobs;
    private final JsonMapper json;

    MemoryController(MemoryQueries queries, TranslationMemory memory, StaffLookup staff, Jobs jobs, JsonMapper json) {
        this.queries = queries;
        this.memory = memory;
        this.staff = staff;
        this.jobs = jobs;
        this.json = json;
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

    /** With {@code Prefer: respond-async}: 202 and a job to follow ({@link JobView}); else 200 when done. */
    @ApiResponse(responseCode = "200", description = "Done, without Prefer: respond-async",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TranslationMemory.ImportResult.class)))
    @ApiResponse(responseCode = "202", description = "A job to follow at Location (with Prefer: respond-async)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @Post(uri = "/tm/import", consumes = {TMX, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    HttpResponse<?> importTmx(@Nullable @Body byte[] body, @Nullable @Header(Prefer.HEADER) String prefer,
                              @Nullable Authentication auth) {
        Staff who = staff.require(auth);
        return Prefer.answer(prefer, () -> memory.importTmx(body, who), () -> {
            memory.mayImport(body, who);
            return jobs.submit(Job.Kind.TMX_IMPORT, who.username(), p -> memory.importTmx(body, who, p));
        }, json);
    }
}
