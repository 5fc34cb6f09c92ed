package jp.kakehashi.exchange;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kakehashi.align.Aligner;
import jp.kakehashi.bulletin.BulletinReader;
import jp.kakehashi.bulletin.BulletinView;
import jp.kakehashi.pair.PairDesk;
import jp.kakehashi.pair.PairView;
import jp.kakehashi.pair.PairWorkflow;
import jp.kakehashi.pair.Revisions;
import jp.kakehashi.pair.TextCommands.SaveTargetCommand;
import jp.kakehashi.security.Staff;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * XLIFF files in and out, for the API and the pages alike. A translated file is saved as drafts,
 * under the same rule as the editor's saves (the lease holder, or an editor of the office). A
 * bulletin's file is downloaded whole, for context, and comes back holding every item: the items
 * this person may save and that carry a translation are saved, in one transaction (all or none);
 * the others are listed as skipped, with why.
 */
@Singleton
public class XliffDrafts {
    private final BulletinReader bulletins;
    private final PairDesk desk;
    private final PairWorkflow workflow;
    private final Revisions revisions;
    private final Aligner aligner;
    private final TransactionOperations<Connection> tx;

    XliffDrafts(BulletinReader bulletins, PairDesk desk, PairWorkflow workflow, Revisions revisions, Aligner aligner,
                TransactionOperations<Connection> tx) {
        this.bulletins = bulletins;
        this.desk = desk;
        this.workflow = workflow;
        this.revisions = revisions;
        this.aligner = aligner;
        this.tx = tx;
    }

    /** Why an item of a bulletin's file was not saved. */
    public enum SkipReason { NOT_YOURS, NOT_TRANSLATED }

    @Serdeable
    public record Skipped(long pairId, SkipReason reason) {
    }

    @Serdeable
    public record BulletinUpload(long bulletinId, List<PairView> saved, List<Skipped> skipped) {
    }

    public byte[] pairFile(long pairId) {
        return XliffFormat.write(List.of(desk.pair(pairId)), aligner);
    }

    public byte[] bulletinFile(long bulletinId) {
        return XliffFormat.write(bulletins.bulletin(bulletinId, true).pairs(), aligner);
    }

    /** The file of one pair, saved as its draft. */
    public PairView savePair(long pairId, Staff who, byte[] body) {
        List<XliffFormat.Translated> files = read(body);
        if (files.size() != 1 || files.getFirst().pairId() != pairId) {
            throw new ApiException(ErrorCode.XLIFF_MISMATCH, "The file must hold exactly this pair (" + pairId + ")")
                    .with("pairs", files.stream().map(XliffFormat.Translated::pairId).toList());
        }
        XliffFormat.Translated t = files.getFirst();
        if (t.title() == null) {
            // saving would blank the draft's title without a word; the file is refused instead
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "The file has no translation of the title (unit"
                    + " 'title' has no <target>); translate it and send the file again. Nothing was saved")
                    .with("field", "title");
        }
        return save(t, desk.pair(pairId), who);
    }

    /** A bulletin's file: every item this person may save and translated, at once; the rest skipped. */
    public BulletinUpload saveBulletin(long bulletinId, Staff who, byte[] body) {
        List<XliffFormat.Translated> files = read(body);
        BulletinView bulletin = bulletins.bulletin(bulletinId, true);
        Set<Long> ids = bulletin.pairs().stream().map(PairView::id).collect(Collectors.toSet());
        List<Long> foreign = files.stream().map(XliffFormat.Translated::pairId).filter(id -> !ids.contains(id)).toList();
        if (!foreign.isEmpty() || files.isEmpty()) {
            throw new ApiException(ErrorCode.XLIFF_MISMATCH, "The file must hold items of bulletin " + bulletinId
                    + " only").with("pairs", foreign);
        }
        List<XliffFormat.Translated> mine = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (XliffFormat.Translated t : files) {
            if (t.title() == null) {
                skipped.add(new Skipped(t.pairId(), SkipReason.NOT_TRANSLATED));
            } else if (!workflow.mayEdit(t.pairId(), who)) {
                skipped.add(new Skipped(t.pairId(), SkipReason.NOT_YOURS));
            } else {
                mine.add(t);
            }
        }
        if (mine.isEmpty()) {
            throw new ApiException(ErrorCode.XLIFF_MISMATCH, "The file holds no translated item that you may save;"
                    + " nothing was saved").with("skipped", skipped);
        }
        List<PairView> saved = tx.executeWrite(status -> mine.stream().map(t -> save(t, desk.pair(t.pairId()), who))
                .toList());
        return new BulletinUpload(bulletinId, saved, skipped);
    }

    private PairView save(XliffFormat.Translated t, PairView now, Staff who) {
        if (t.sourceRevision() != now.source().revision()) {
            throw new ApiException(ErrorCode.SOURCE_CHANGED, "The file of item " + t.pairId()
                    + " was made from source revision " + t.sourceRevision() + "; the source is now at "
                    + now.source().revision() + ". Nothing was saved").with("pair", now);
        }
        // segments named by their source sentences come back as rows, so the links the file carried hold
        SaveTargetCommand draft = t.segments() == null ? new SaveTargetCommand(t.title(), t.body(), null, t.captions())
                : new SaveTargetCommand(t.title(), null, null, t.captions(), t.segments());
        return revisions.saveDraft(t.pairId(), who, now.version(), draft);
    }

    private static List<XliffFormat.Translated> read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(ErrorCode.EMPTY_BODY, "Send the translated XLIFF file as the request body");
        }
        return XliffFormat.read(body);
    }
}
