package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import jp.kakehashi.bulletin.imports.Dates;
import jp.kakehashi.bulletin.imports.ChromeRules;
import jp.kakehashi.bulletin.imports.FlashParser;
import jp.kakehashi.bulletin.imports.ImportView;
import jp.kakehashi.bulletin.imports.RemovedLine;
import jp.kakehashi.bulletin.imports.ReportParser;
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
    private final ChromeRules chrome;

    BulletinController(BulletinService service, BulletinReader reader, BulletinRepository bulletins,
                       OfficeDirectory offices, StaffLookup staff, ChromeRules chrome) {
        this.staff = staff;
        this.chrome = chrome;
        this.service = service;
        this.reader = reader;
        this.bulletins = bulletins;
        this.offices = offices;
    }

    @Post(uri = "/bulletins/import", consumes = MediaType.TEXT_PLAIN, produces = MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    HttpResponse<ImportView> importFlash(@Nullable @Body byte[] body, @Nullable @QueryValue LocalDate publishedOn,
                                           @Nullable @QueryValue Boolean confirm, @Nullable Authentication auth) {
        Actor actor = editor(auth);
        String text = TextBodies.decode(body);
        var parsed = FlashParser.parse(text, offices::attributedOffice, null);
        if (parsed.command().pairList().isEmpty()) {
            throw new ApiException(ErrorCode.NO_ITEMS, "No line starting with ◇ was found");
        }
        if (!parsed.unattributed().isEmpty()) {
            throw new ApiException(ErrorCode.UNKNOWN_OFFICE,
                    "Items without a recognisable office attribution such as (パリ事務所): "
                            + parsed.unattributed().stream().map(u -> String.valueOf(u.item())).toList())
                    .with("items", parsed.unattributed());
        }
        Bulletin b = service.importText(dated(parsed.command(), publishedOn, text), actor, Boolean.TRUE.equals(confirm));
        return imported(b, parsed.removed());
    }

    /**
     * The editor's publishedOn wins over a date in the text; with neither, the import is refused with
     * the dates the text mentions, never dated today behind the editor's back.
     */
    private static CreateBulletinCommand dated(CreateBulletinCommand c, @Nullable LocalDate publishedOn, String text) {
        if (publishedOn != null) {
            return new CreateBulletinCommand(c.number(), c.titleJa(), c.titleEn(), publishedOn, c.pairs());
        }
        if (c.publishedOn() == null) {
            throw new ApiException(ErrorCode.DATE_REQUIRED, "The text has no publish date line; send publishedOn="
                    + "YYYY-MM-DD (dates the text mentions are listed in candidates)")
                    .with("candidates", Dates.all(text).stream().map(LocalDate::toString).toList());
        }
        return c;
    }

    @Post(uri = "/reports/import", consumes = MediaType.TEXT_PLAIN, produces = MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    HttpResponse<ImportView> importReport(@Nullable @Body byte[] body, @QueryValue String office,
                                            @Nullable @QueryValue String sourceLang,
                                            @Nullable @QueryValue LocalDate publishedOn,
                                            @Nullable @QueryValue Boolean confirm, @Nullable Authentication auth) {
        Actor actor = editor(auth);
        String lang = sourceLang == null ? "en" : sourceLang;
        if (!offices.exists(office)) {
            throw new ApiException(ErrorCode.UNKNOWN_OFFICE, "Unknown office code").with("office", office);
        }
        if (!Bounds.LANGS.contains(lang)) {
            throw ApiException.invalidParameter("sourceLang", "sourceLang must be ja or en");
        }
        String text = TextBodies.decode(body);
        ReportParser.Result parsed = ReportParser.parse(text, office, lang, null, chrome);
        Bulletin b = service.importText(dated(parsed.command(), publishedOn, text), actor, Boolean.TRUE.equals(confirm));
        return imported(b, parsed.removed());
    }

    @Post(uri = "/bulletins", consumes = MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    HttpResponse<BulletinView> create(@Body CreateBulletinCommand command, @Nullable Authentication auth) {
        return created(service.create(command, editor(auth)));
    }

    @Get("/bulletins{?page,size}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    BulletinSummary.Page list(@Nullable Integer page, @Nullable Integer size, @Nullable Authentication auth) {
        Paging paging = Paging.of(page, size, 20, MAX_PAGE_SIZE, Integer.MAX_VALUE);
        int p = paging.page();
        int s = paging.size();
        Pageable pageable = Pageable.from(p, s, Sort.of(Sort.Order.desc("publishedOn"), Sort.Order.desc("id")));
        var result = staff.of(auth).isPresent() ? bulletins.findAll(pageable)
                : bulletins.findByState(Bulletin.BulletinState.RELEASED, pageable);
        List<BulletinSummary> items = result.getContent().stream().map(BulletinSummary::of).toList();
        return new BulletinSummary.Page(result.getTotalSize(), p, s, items);
    }

    @Get("/bulletins/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<BulletinView> get(@PathVariable long id, @Nullable Authentication auth) {
        BulletinView view = reader.bulletin(id, staff.of(auth).isPresent());
        return HttpResponse.ok(view).header("ETag", ETags.of(view.version()));
    }

    private HttpResponse<ImportView> imported(Bulletin b, List<RemovedLine> removed) {
        return HttpResponse.created(new ImportView(reader.bulletin(b.id(), true), removed),
                URI.create("/api/v1/bulletins/" + b.id()));
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
