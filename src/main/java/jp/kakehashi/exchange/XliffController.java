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
import java.util.List;
import jp.kakehashi.align.Aligner;
import jp.kakehashi.bulletin.BulletinReader;
import jp.kakehashi.http.ETags;
import jp.kakehashi.pair.PairDesk;
import jp.kakehashi.pair.PairView;
import jp.kakehashi.pair.Revisions;
import jp.kakehashi.pair.TextCommands.SaveTargetCommand;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * XLIFF out (a pair, or a whole bulletin) for staff, and a translated pair back in as a draft. An
 * import is a save like the editor's, under the same rule (the lease holder, or an editor of the
 * office; the holder's lease renewed; audited), after checking that the file answers this pair
 * (422 XLIFF_MISMATCH), its current source text (409 SOURCE_CHANGED: the source was revised since the
 * file was exported) and translates the title (422 VALIDATION_FAILED, field title).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class XliffController {
    private final BulletinReader bulletins;
    private final PairDesk desk;
    private final Revisions revisions;
    private final StaffLookup staff;
    private final Aligner aligner;

    XliffController(BulletinReader bulletins, PairDesk desk, Revisions revisions, StaffLookup staff, Aligner aligner) {
        this.aligner = aligner;
        this.bulletins = bulletins;
        this.desk = desk;
        this.revisions = revisions;
        this.staff = staff;
    }

    @Get(uri = "/pairs/{id}/xliff", produces = XliffFormat.MEDIA_TYPE)
    HttpResponse<byte[]> pair(@PathVariable long id, @Nullable Authentication auth) {
        staff.require(auth);
        return file(XliffFormat.write(List.of(pair(id)), aligner), "pair-" + id);
    }

    @Get(uri = "/bulletins/{id}/xliff", produces = XliffFormat.MEDIA_TYPE)
    HttpResponse<byte[]> bulletin(@PathVariable long id, @Nullable Authentication auth) {
        staff.require(auth);
        return file(XliffFormat.write(bulletins.bulletin(id, true).pairs(), aligner), "bulletin-" + id);
    }

    @Post(uri = "/pairs/{id}/xliff", consumes = {XliffFormat.MEDIA_TYPE, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    HttpResponse<PairView> importDraft(@PathVariable long id, @Nullable @Body byte[] body, @Nullable Authentication auth) {
        var who = staff.require(auth);
        if (body == null || body.length == 0) {
            throw new ApiException(ErrorCode.EMPTY_BODY, "Send the translated XLIFF file as the request body");
        }
        List<XliffFormat.Translated> files = XliffFormat.read(body);
        if (files.size() != 1 || files.getFirst().pairId() != id) {
            throw new ApiException(ErrorCode.XLIFF_MISMATCH, "The file must hold exactly this pair (" + id + ")")
                    .with("pairs", files.stream().map(XliffFormat.Translated::pairId).toList());
        }
        XliffFormat.Translated t = files.getFirst();
        if (t.title() == null) {
            // saving would blank the draft's title without a word; the file is refused instead
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "The file has no translation of the title (unit"
                    + " 'title' has no <target>); translate it and send the file again. Nothing was saved")
                    .with("field", "title");
        }
        PairView now = pair(id);
        if (t.sourceRevision() != now.source().revision()) {
            throw new ApiException(ErrorCode.SOURCE_CHANGED, "The file was made from source revision "
                    + t.sourceRevision() + "; the source is now at " + now.source().revision())
                    .with("pair", now);
        }
        // segments named by their source sentences come back as rows, so the links the file carried hold
        SaveTargetCommand draft = t.segments() == null ? new SaveTargetCommand(t.title(), t.body(), null, t.captions())
                : new SaveTargetCommand(t.title(), null, null, t.captions(), t.segments());
        PairView saved = revisions.saveDraft(id, who, now.version(), draft);
        return HttpResponse.ok(saved).header("ETag", ETags.of(saved.version()));
    }

    private PairView pair(long id) {
        return desk.pair(id);
    }

    private static HttpResponse<byte[]> file(byte[] xliff, String name) {
        return HttpResponse.ok(xliff).header("Content-Disposition", "attachment; filename=\"" + name + ".xlf\"");
    }
}
