package jp.kakehashi.exchange;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jp.kakehashi.http.ETags;
import jp.kakehashi.pair.PairView;
import jp.kakehashi.security.StaffLookup;

/**
 * XLIFF out (a pair, or a whole bulletin) for staff, and translated files back in as drafts
 * ({@link XliffDrafts}; a bulletin's file saves every item the sender may save, at once). An
 * import is a save like the editor's, under the same rule (the lease holder, or an editor of the
 * office; the holder's lease renewed; audited), after checking that the file answers this pair
 * (422 XLIFF_MISMATCH), its current source text (409 SOURCE_CHANGED: the source was revised since the
 * file was exported) and translates the title (422 VALIDATION_FAILED, field title).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class XliffController {
    private final XliffDrafts drafts;
    private final StaffLookup staff;

    XliffController(XliffDrafts drafts, StaffLookup staff) {
        this.drafts = drafts;
        this.staff = staff;
    }

    @Get(uri = "/pairs/{id}/xliff", produces = XliffFormat.MEDIA_TYPE)
    HttpResponse<byte[]> pair(@PathVariable long id, @Nullable Authentication auth) {
        staff.require(auth);
        return file(drafts.pairFile(id), "pair-" + id);
    }

    @Get(uri = "/bulletins/{id}/xliff", produces = XliffFormat.MEDIA_TYPE)
    HttpResponse<byte[]> bulletin(@PathVariable long id, @Nullable Authentication auth) {
        staff.require(auth);
        return file(drafts.bulletinFile(id), "bulletin-" + id);
    }

    @Post(uri = "/pairs/{id}/xliff", consumes = {XliffFormat.MEDIA_TYPE, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    HttpResponse<PairView> importDraft(@PathVariable long id, @Nullable @Body byte[] body, @Nullable Authentication auth) {
        PairView saved = drafts.savePair(id, staff.require(auth), body);
        return HttpResponse.ok(saved).header("ETag", ETags.of(saved.version()));
    }

    /** A bulletin's file back: the items the sender may save, at once; the rest listed as skipped. */
    @Post(uri = "/bulletins/{id}/xliff", consumes = {XliffFormat.MEDIA_TYPE, MediaType.APPLICATION_XML,
            MediaType.TEXT_XML})
    XliffDrafts.BulletinUpload importBulletin(@PathVariable long id, @Nullable @Body byte[] body,
                                             @Nullable Authentication auth) {
        return drafts.saveBulletin(id, staff.require(auth), body);
    }

    static HttpResponse<byte[]> file(byte[] xliff, String name) {
        return HttpResponse.ok(xliff).header("Content-Disposition", "attachment; filename=\"" + name + ".xlf\"");
    }
}
