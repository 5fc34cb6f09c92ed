package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.audit.AuditEvent;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.bulletin.Bulletin.BulletinState;
import jp.kakehashi.outbox.Outbox;
import jp.kakehashi.pair.Action;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.pair.PairRepository;
import jp.kakehashi.pair.PairStatus;
import jp.kakehashi.pair.PairWrites;
import jp.kakehashi.pair.Released;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;

/**
 * Bilingual release and retraction of a whole bulletin, in one transaction under the bulletin's row
 * lock: every pair APPROVED (or CANCELLED, or still RELEASED from an earlier release) or nothing
 * changes, and the answer lists the pairs that block. Each pair UPDATE is version-conditional, so a
 * pair changed by someone else meanwhile rolls the whole release back.
 */
@Singleton
public class BulletinRelease {
    private static final Set<PairStatus> RELEASABLE = EnumSet.of(PairStatus.APPROVED, PairStatus.CANCELLED,
            PairStatus.RELEASED);
    private final BulletinRepository bulletins;
    private final PairRepository pairs;
    private final PairWrites writes;
    private final AuditRepository audit;
    private final Outbox outbox;
    private final BulletinReader reader;
    private final TransactionOperations<Connection> tx;

    BulletinRelease(BulletinRepository bulletins, PairRepository pairs, PairWrites writes, AuditRepository audit,
                    Outbox outbox, BulletinReader reader, TransactionOperations<Connection> tx) {
        this.bulletins = bulletins;
        this.pairs = pairs;
        this.writes = writes;
        this.audit = audit;
        this.outbox = outbox;
        this.reader = reader;
        this.tx = tx;
    }

    public BulletinView release(long id, Staff who, @Nullable Long ifMatch) {
        return run(id, () -> {
            Bulletin b = locked(id, who, ifMatch);
            List<Pair> all = pairs.findByBulletinIdOrderByPosition(id);
            List<Map<String, Object>> blockers = all.stream().filter(p -> !RELEASABLE.contains(p.status()))
                    .map(p -> Map.<String, Object>of("id", p.id(), "position", p.position(), "office", p.officeCode(),
                            "status", p.status())).toList();
            if (!blockers.isEmpty()) {
                throw new ApiException(ErrorCode.RELEASE_BLOCKED, blockers.size() + " pair(s) are not approved")
                        .with("blockers", blockers);
            }
            List<Pair> approved = all.stream().filter(p -> p.status() == PairStatus.APPROVED).toList();
            if (approved.isEmpty()) {
                throw new ApiException(ErrorCode.WRONG_STATE, "Nothing new to release").with("state", b.state());
            }
            for (Pair p : approved) {
                writes.apply(p, p.withStatus(PairStatus.RELEASED, null)
                        .withReleased(new Released(p.sourceRevision(), p.targetRevision()))
                        .withTexts(p.texts().withSourceUpdated(false)), who.actor(), Action.RELEASED_WITH_BULLETIN, null);
            }
            finish(b, BulletinState.RELEASED, Instant.now(), who, Action.RELEASE_BULLETIN.auditName(), null);
        });
    }

    public BulletinView retract(long id, Staff who, @Nullable String reason, @Nullable Long ifMatch) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException(ErrorCode.REASON_REQUIRED, "retract needs a reason");
        }
        if (reason.length() > FieldLimits.MAX_REASON) {
            throw new ApiException(ErrorCode.FIELD_TOO_LONG, "reason is too long").with("field", "reason");
        }
        return run(id, () -> {
            Bulletin b = locked(id, who, ifMatch);
            if (b.state() != BulletinState.RELEASED) {
                throw new ApiException(ErrorCode.WRONG_STATE, "The bulletin is not released").with("state", b.state());
            }
            for (Pair p : pairs.findByBulletinIdOrderByPosition(id)) {
                boolean outdatedRelease = p.status() == PairStatus.OUTDATED && p.previousStatus() == PairStatus.RELEASED;
                if (p.status() == PairStatus.RELEASED || outdatedRelease) {
                    Pair back = outdatedRelease ? p.withStatus(PairStatus.OUTDATED, PairStatus.APPROVED)
                            : p.withStatus(PairStatus.APPROVED, null);
                    writes.apply(p, back.withReleased(Released.NONE).withTexts(p.texts().withSourceUpdated(false)),
                            who.actor(), "retract", reason);
                }
            }
            finish(b, BulletinState.DRAFT, null, who, Action.RETRACT_BULLETIN.auditName(), reason);
        });
    }

    private Bulletin locked(long id, Staff who, @Nullable Long ifMatch) {
        Bulletin b = bulletins.lockById(id).orElseThrow(() -> ApiException.notFound("Bulletin " + id));
        boolean mayRelease = who.has(User.Role.EDITOR) && (who.memberOf(Staff.HQ)
                || pairs.findByBulletinIdOrderByPosition(id).stream().anyMatch(p -> who.memberOf(p.officeCode())));
        if (!mayRelease) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Editors of the bulletin's offices or of HQ only");
        }
        if (ifMatch != null && !ifMatch.equals(b.version())) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, "The bulletin is at version " + b.version());
        }
        return b;
    }

    private void finish(Bulletin b, BulletinState state, @Nullable Instant releasedAt, Staff who, String action,
                        @Nullable String reason) {
        bulletins.update(new Bulletin(b.id(), b.number(), b.titleJa(), b.titleEn(), b.publishedOn(), b.dedupKey(),
                state, releasedAt, b.createdAt(), b.version()));
        audit.save(new AuditEvent(null, b.id(), null, who.id(), who.username(), action, b.state().name(),
                state.name(), reason == null ? null : reason.strip(), null));
        outbox.bulletinChanged(b.id(), action);
    }

    private BulletinView run(long id, Runnable change) {
        try {
            tx.executeWrite(status -> {
                change.run();
                return null;
            });
        } catch (OptimisticLockException e) {
            throw new ApiException(ErrorCode.CONFLICT, "A pair of the bulletin changed meanwhile; nothing was released");
        }
        return reader.bulletin(id, true);
    }
}
