package jp.kakehashi.bulletin;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.audit.AuditEvent;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.bulletin.CreateBulletinCommand.PairCommand;
import jp.kakehashi.database.RetryOnConflict;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.outbox.Outbox;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.pair.PairRepository;
import jp.kakehashi.pair.PairStatus;
import jp.kakehashi.pair.SourceRevision;
import jp.kakehashi.pair.SourceRevisionRepository;
import jp.kakehashi.pair.TargetRevision;
import jp.kakehashi.pair.TargetRevisionRepository;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;

/**
 * Writes a new bulletin with all its pairs, first revisions, audit events and outbox rows in one
 * transaction: an import is stored whole or not at all.
 */
@Singleton
public class BulletinService {
    private final BulletinRepository bulletins;
    private final PairRepository pairs;
    private final SourceRevisionRepository sources;
    private final TargetRevisionRepository targets;
    private final AuditRepository audit;
    private final Outbox outbox;
    private final OfficeDirectory offices;

    BulletinService(BulletinRepository bulletins, PairRepository pairs, SourceRevisionRepository sources,
                    TargetRevisionRepository targets, AuditRepository audit, Outbox outbox,
                    OfficeDirectory offices) {
        this.bulletins = bulletins;
        this.pairs = pairs;
        this.sources = sources;
        this.targets = targets;
        this.audit = audit;
        this.outbox = outbox;
        this.offices = offices;
    }

    @Transactional
    @RetryOnConflict
    public Bulletin create(CreateBulletinCommand command, Actor actor) {
        return create(command, actor, true);
    }

    /**
     * A bulletin pasted as text, which offices re-send after small corrections: near-duplicates are
     * refused unless {@code confirmed} (the editor has seen the ones a first attempt named and imports
     * anyway). Exact duplicates are refused either way.
     */
    @Transactional
    @RetryOnConflict
    public Bulletin importText(CreateBulletinCommand command, Actor actor, boolean confirmed) {
        return create(command, actor, confirmed);
    }

    private Bulletin create(CreateBulletinCommand command, Actor actor, boolean confirmed) {
        String key = check(command, confirmed);
        Bulletin bulletin = bulletins.save(new Bulletin(null, command.number(), command.titleJa(), command.titleEn(),
                command.publishedOn(), key, Bulletin.BulletinState.DRAFT, null, null, null, null));
        int position = 0;
        for (PairCommand p : command.pairList()) {
            addPair(bulletin.id(), ++position, p, actor);
        }
        outbox.bulletinChanged(bulletin.id(), "created");
        jp.kakehashi.audit.AuditLog.event("bulletin_create", actor.name(), "bulletin " + bulletin.id() + " ("
                + command.pairList().size() + " pairs)");
        return bulletin;
    }

    /**
     * What refuses a new bulletin before anything is written: bounds, unknown offices, an exact
     * duplicate, and (unless {@code confirmed}) near-duplicates. Returns the duplicate key.
     */
    public String check(CreateBulletinCommand command, boolean confirmed) {
        Bounds.check(command);
        for (int i = 0; i < command.pairList().size(); i++) {
            String office = command.pairList().get(i).office();
            if (office == null || !offices.exists(office)) {
                throw new ApiException(ErrorCode.UNKNOWN_OFFICE, "pairs[" + i + "].office is not a known office code")
                        .with("items", List.of(i + 1));
            }
        }
        String key = dedupKey(command);
        bulletins.findByDedupKey(key).ifPresent(existing -> {
            throw new ApiException(ErrorCode.DUPLICATE_BULLETIN,
                    "A bulletin with the same date and item titles exists").with("existingId", existing.id());
        });
        if (!confirmed) {
            List<NearDuplicates.Match> near = NearDuplicates.find(command.pairList(),
                    bulletins.findItemsPublishedOn(command.publishedOn()));
            if (!near.isEmpty()) {
                throw new ApiException(ErrorCode.POSSIBLE_DUPLICATE, "Items of this bulletin are at least 90 % alike"
                        + " items of the same office and date; send it again with confirm=true if it is a new one")
                        .with("existingId", near.getFirst().existingId()).with("items", near);
            }
        }
        return key;
    }

    private void addPair(long bulletinId, int position, PairCommand p, Actor actor) {
        boolean translated = p.target() != null;
        PairStatus status = translated ? PairStatus.SUBMITTED : PairStatus.UNASSIGNED;
        Pair pair = pairs.save(Pair.created(bulletinId, position, p.office(), p.sourceLang(), status, translated,
                translated ? actor.id() : null));
        var s = p.source();
        sources.save(new SourceRevision(null, pair.id(), 1, s.title().strip(), FieldLimits.strippedOrNull(s.dateline()),
                s.body() == null ? "" : s.body(), s.captionList(), s.imageList(),
                SourceRevision.ChangeKind.INITIAL, actor.id(), null));
        if (translated) {
            targets.save(new TargetRevision(null, pair.id(), 1, p.target().title().strip(), p.target().body(), List.of(), 1,
                    actor.id(), null, null));
        }
        audit.save(new AuditEvent(null, bulletinId, pair.id(), actor.id(), actor.name(), "create", null,
                status.name(), null, null));
        outbox.pairChanged(pair.id(), "created");
    }

    /** Same date and same item titles (in order) is the same bulletin, however it arrived. */
    static String dedupKey(CreateBulletinCommand c) {
        StringBuilder sb = new StringBuilder(c.publishedOn().toString());
        for (PairCommand p : c.pairList()) {
            sb.append('\n').append(p.source().title().strip());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
