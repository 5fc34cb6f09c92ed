package jp.kakehashi.glossary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import jp.kakehashi.http.ETags;
import jp.kakehashi.http.Paging;
import jp.kakehashi.job.Job;
import jp.kakehashi.job.JobView;
import jp.kakehashi.job.Jobs;
import jp.kakehashi.job.Prefer;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.StaffLookup;

/**
 * The glossary API: staff read and look up terms; editors and admins keep them (see
 * {@link Glossary} for who keeps which); TBX out and in. Lists are bounded pages.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class GlossaryController {
    static final int MAX_PAGE_SIZE = 200;
    static final String TBX = "application/x-tbx+xml";
    private final Glossary glossary;
    private final TermIndex index;
    private final StaffLookup staff;
    private final Jobs jobs;
    private final JsonMapper json;

    GlossaryController(Glossary glossary, TermIndex index, StaffLookup staff, Jobs jobs, JsonMapper json) {
        this.jobs = jobs;
        this.json = json;
        this.glossary = glossary;
        this.index = index;
        this.staff = staff;
    }

    @Serdeable
    record Page(List<GlossaryTermView> terms, int total, int page, int size) {
    }

    @Get("/glossary{?q,office,page,size}")
    Page list(@Nullable String q, @Nullable String office, @Nullable Integer page, @Nullable Integer size,
              @Nullable Authentication auth) {
        staff.require(auth);
        Paging paging = Paging.of(page, size, 50, MAX_PAGE_SIZE, Integer.MAX_VALUE);
        int p = paging.page();
        int s = paging.size();
        List<GlossaryTermView> all = glossary.find(q, office).stream().map(GlossaryTermView::of).toList();
        int from = (int) Math.min((long) p * s, all.size());
        return new Page(all.subList(from, Math.min(from + s, all.size())), all.size(), p, s);
    }

    @Get("/glossary/{id}")
    HttpResponse<GlossaryTermView> get(@PathVariable long id, @Nullable Authentication auth) {
        staff.require(auth);
        return tagged(HttpStatus.OK, GlossaryTermView.of(glossary.get(id)));
    }

    @Post("/glossary")
    HttpResponse<GlossaryTermView> create(@Body GlossaryCommand c, @Nullable Authentication auth) {
        return tagged(HttpStatus.CREATED, GlossaryTermView.of(glossary.create(c, staff.require(auth))));
    }

    @Put("/glossary/{id}")
    HttpResponse<GlossaryTermView> update(@PathVariable long id, @Body GlossaryCommand c,
                                          @Nullable @Header("If-Match") String ifMatch, @Nullable Authentication auth) {
        var who = staff.require(auth);
        return tagged(HttpStatus.OK, GlossaryTermView.of(glossary.update(id, c, ETags.required(ifMatch), who)));
    }

    @Delete("/glossary/{id}")
    HttpResponse<Void> delete(@PathVariable long id, @Nullable Authentication auth) {
        glossary.delete(id, staff.require(auth));
        return HttpResponse.noContent();
    }

    @Get(uri = "/glossary/export.tbx", produces = TBX)
    HttpResponse<byte[]> export(@Nullable Authentication auth) {
        staff.require(auth);
        return HttpResponse.ok(glossary.exportTbx())
                .header("Content-Disposition", "attachment; filename=\"kakehashi-glossary.tbx\"");
    }

    @ApiResponse(responseCode = "200", description = "Done, without Prefer: respond-async",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Glossary.ImportResult.class)))
    @ApiResponse(responseCode = "202", description = "A job to follow at Location (with Prefer: respond-async)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @Post(uri = "/glossary/import", consumes = {TBX, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    HttpResponse<?> importTbx(@Nullable @Body byte[] body, @Nullable @Header(Prefer.HEADER) String prefer,
                              @Nullable Authentication auth) {
        Staff who = staff.require(auth);
        return Prefer.answer(prefer, () -> glossary.importTbx(body, who), () -> {
            glossary.mayImport(body);
            return jobs.submit(Job.Kind.TBX_IMPORT, who.username(), p -> glossary.importTbx(body, who, p));
        }, json);
    }

    private static HttpResponse<GlossaryTermView> tagged(HttpStatus status, GlossaryTermView v) {
        return HttpResponse.<GlossaryTermView>status(status).body(v).header("ETag", ETags.of(v.version()));
    }
}
