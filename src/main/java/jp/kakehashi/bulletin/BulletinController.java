package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.bulletin.imports.ImportView;
import jp.kakehashi.bulletin.imports.TextBodies;
import jp.kakehashi.http.ETags;
import jp.kakehashi.http.Paging;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Imports and creation are for editors; reading is open, but readers (no token) only ever see
 * released bulletins.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class BulletinController {
    static final int MAX_PAGE_SIZE = 100;

    private final BulletinService service;
    private final BulletinReader reader;
    private final BulletinRepository bulletins;
    private final OfficeDirectory offices;
    private final StaffLookup staff;
    private final TextImports imports;
    private final BulletinTitles titles;

    BulletinController(BulletinService service, BulletinReader reader, BulletinRepository bulletins,
                       OfficeDirectory offices, StaffLookup staff, TextImports imports, BulletinTitles titles) {
        this.staff = staff;
        this.imports = imports;
        this.titles = titles;
        this.service = service;
        this.reader = reader;
        this.bulletins = bulletins;
        this.offices = offices;
    }

    /** With {@code preview=true}: 200 and what would be created, refused exactly as the import would be. */
    @Post(uri = "/bulletins/import", consumes = MediaType.TEXT_PLAIN, produces = MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    HttpResponse<?> importFlash(@Nullable @Body byte[] body, @Nullable @QueryValue LocalDate publishedOn,
                                @Nullable @QueryValue Boolean confirm, @Nullable @QueryValue Boolean preview,
                                @Nullable Authentication auth) {
        Actor actor = editor(auth);
        return imported(imports.flash(TextBodies.decode(body), publishedOn), actor, confirm, preview);
    }

    @Post(uri = "/reports/import", consumes = MediaType.TEXT_PLAIN, produces = MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    HttpResponse<?> importReport(@Nullable @Body byte[] body, @QueryValue String office,
                                 @Nullable @QueryValue String sourceLang, @Nullable @QueryValue LocalDate publishedOn,
                                 @Nullable @QueryValue Boolean confirm, @Nullable @QueryValue Boolean preview,
                                 @Nullable Authentication auth) {
        Actor actor = editor(auth);
        knownOffice(office);
        return imported(imports.report(TextBodies.decode(body), office, sourceLang, publishedOn), actor, confirm,
                preview);
    }

    /** The same report as a CMS exports it, as HTML (text/html; charset=utf-8). */
    @Post(uri = "/reports/import", consumes = MediaType.TEXT_HTML, produces = MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    HttpResponse<?> importHtmlReport(@Nullable @Body byte[] body, @QueryValue String office,
                                     @Nullable @QueryValue String sourceLang, @Nullable @QueryValue LocalDate publishedOn,
                                     @Nullable @QueryValue Boolean confirm, @Nullable @QueryValue Boolean preview,
                                     @Nullable Authentication auth) {
        Actor actor = editor(auth);
        knownOffice(office);
        return imported(imports.htmlReport(TextBodies.decode(body), office, sourceLang, publishedOn), actor, confirm,
                preview);
    }

    private void knownOffice(String office) {
        if (!offices.exists(office)) {
            throw new ApiException(ErrorCode.UNKNOWN_OFFICE, "Unknown office code").with("office", office);
        }
    }

    private HttpResponse<?> imported(TextImports.Parsed parsed, Actor actor, @Nullable Boolean confirm,
                                     @Nullable Boolean preview) {
        boolean confirmed = Boolean.TRUE.equals(confirm);
        if (Boolean.TRUE.equals(preview)) {
            return HttpResponse.ok(imports.preview(parsed, confirmed));
        }
        Bulletin b = imports.store(parsed, actor, confirmed);
        return HttpResponse.created(new ImportView(reader.bulletin(b.id(), true), parsed.removed()),
                URI.create("/api/v1/bulletins/" + b.id()));
    }

    @Post(uri = "/bulletins", consumes = MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    HttpResponse<BulletinView> create(@Body CreateBulletinCommand command, @Nullable Authentication auth) {
        return created(service.create(command, editor(auth)));
    }

    /** Both titles as they should read (an absent or blank one is cleared); If-Match: the bulletin's ETag. */
    @Put(uri = "/bulletins/{id}/titles", consumes = MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    HttpResponse<BulletinView> retitle(@PathVariable long id, @Body BulletinTitles.TitlesCommand command,
                                       @Nullable @Header("If-Match") String ifMatch, @Nullable Authentication auth) {
        titles.retitle(id, staff.require(auth), ETags.required(ifMatch), command);
        BulletinView view = reader.bulletin(id, true);
        return HttpResponse.ok(view).header("ETag", ETags.of(view.version()));
    }

    @Get("/bulletins{?page,size}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    BulletinSummary.Page list(@Nullable Integer page, @Nullable Integer size, @Nullable Authentication auth) {
        Paging paging = Paging.of(page, size, 20, MAX_PAGE_SIZE, Integer.MAX_VALUE);
        int p = paging.page();
        int s = paging.size();
        Pageable pageable = Pageable.from(p, s, Sort.of(Sort.Order.desc("publishedOn"), Sort.Order.desc("id")));
        var result = staff.of(auth).isPresent() ? bulletins.findAll(pageable)
                : bulletins.findByStateIn(List.of(Bulletin.BulletinState.SOURCE_RELEASED,
                        Bulletin.BulletinState.RELEASED), pageable);
        List<BulletinSummary> items = result.getContent().stream().map(BulletinSummary::of).toList();
        return new BulletinSummary.Page(result.getTotalSize(), p, s, items);
    }

    @Get("/bulletins/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<BulletinView> get(@PathVariable long id, @Nullable Authentication auth) {
        BulletinView view = reader.bulletin(id, staff.of(auth).isPresent());
        return HttpResponse.ok(view).header("ETag", ETags.of(view.version()));
    }

    private HttpResponse<BulletinView> created(Bulletin b) {
        return HttpResponse.created(reader.bulletin(b.id(), true), URI.create("/api/v1/bulletins/" + b.id()));
    }

    private Actor editor(Authentication auth) {
        Staff s = staff.require(auth);
        if (!s.has(User.Role.EDITOR)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Editors only");
        }
        return s.actor();
    }
}
