package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.kakehashi.bulletin.Bulletin.BulletinState;
import jp.kakehashi.database.ConflictRetries;
import jp.kakehashi.office.OfficeRepository;
import jp.kakehashi.office.ReleaseMode;
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
 * Release and retraction of a bulletin's editions, each in one transaction under the bulletin's row
 * lock. The source edition ({@link #releaseSource}) publishes the source side of every pair that is
 * not cancelled; the whole bulletin ({@link #release}) publishes every translation at once: every
 * pair APPROVED (or CANCELLED, or already RELEASED) or nothing changes, and the answer lists the
 * pairs that block. Each pair UPDATE is version-conditional, so a pair changed by someone else
 * meanwhile rolls the whole release back.
 */
@Singleton
public class BulletinRelease {
    private static final Set<PairStatus> RELEASABLE = EnumSet.of(PairStatus.APPROVED, PairStatus.CANCELLED,
            PairStatus.RELEASED);
    private final BulletinRepository bulletins;
    private final PairRepository pairs;
    private final PairWrites writes;
    private final ItemRelease items;
    private final OfficeRepository offices;
    private final BulletinReader reader;
    private final ConflictRetries retries;

    BulletinRelease(BulletinRepository bulletins, PairRepository pairs, PairWrites writes, ItemRelease items,
                    OfficeRepository offices, BulletinReader reader, ConflictRetries retries) {
        this.bulletins = bulletins;
        this.pairs = pairs;
        this.writes = writes;
        this.items = items;
        this.offices = offices;
        this.reader = reader;
        this.retries = retries;
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
            boolean completesEdition = b.state() == BulletinState.SOURCE_RELEASED && ItemRelease.complete(all);
            if (approved.isEmpty() && !completesEdition) {
                throw new ApiException(ErrorCode.WRONG_STATE, "Nothing new to release").with("state", b.state());
            }
            for (Pair p : approved) {
                items.translation(p, who.actor(), Action.RELEASED_WITH_BULLETIN);
            }
            items.finish(b, BulletinState.RELEASED, who, Action.RELEASE_BULLETIN.auditName(), null);
        });
    }

    /**
     * The source-language edition alone: readers see every pair's current source, and the translations
     * that are out. Approved translations of offices that release item by item go out with it. Again
     * later, it publishes what is new (a pair whose source was never out).
     */
    public BulletinView releaseSource(long id, Staff who, @Nullable Long ifMatch) {
        return run(id, () -> {
            Bulletin b = locked(id, who, ifMatch);
            if (b.state() == BulletinState.RELEASED) {
                throw new ApiException(ErrorCode.WRONG_STATE, "Both editions are released").with("state", b.state());
            }
            Map<String, ReleaseMode> modes = new HashMap<>();
            int published = 0;
            // the pairs as this release leaves them: whether the translations are all out follows from them
            List<Pair> after = new ArrayList<>();
            for (Pair p : pairs.findByBulletinIdOrderByPosition(id)) {
                Pair now = p;
                if (p.status() != PairStatus.CANCELLED && p.released().targetRevision() == null) {
                    ReleaseMode mode = modes.computeIfAbsent(p.officeCode(),
                            code -> offices.findById(code).map(o -> o.releaseMode()).orElse(ReleaseMode.BULLETIN));
                    if (p.status() == PairStatus.APPROVED && mode == ReleaseMode.ITEM) {
                        now = items.translation(p, who.actor(), Action.RELEASED_ON_APPROVAL);
                        published++;
                    } else if (!Objects.equals(p.released().sourceRevision(), p.sourceRevision())) {
                        now = items.source(p, who.actor());
                        published++;
                    }
                }
                after.add(now);
            }
            if (published == 0) {
                throw new ApiException(ErrorCode.WRONG_STATE, "Nothing new to release").with("state", b.state());
            }
            boolean complete = ItemRelease.complete(after);
            items.finish(b, complete ? BulletinState.RELEASED : BulletinState.SOURCE_RELEASED, who,
                    Action.RELEASE_SOURCE.auditName(), null);
        });
    }

    /** Both editions back to draft: readers see nothing of the bulletin until it is released again. */
    public BulletinView retract(long id, Staff who, @Nullable String reason, @Nullable Long ifMatch) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException(ErrorCode.REASON_REQUIRED, "retract needs a reason");
        }
        FieldLimits.length("reason", reason, FieldLimits.MAX_REASON); // code points, as every limit
        return run(id, () -> {
            Bulletin b = locked(id, who, ifMatch);
            if (!b.state().isPublic()) {
                throw new ApiException(ErrorCode.WRONG_STATE, "The bulletin is not released").with("state", b.state());
            }
            for (Pair p : pairs.findByBulletinIdOrderByPosition(id)) {
                boolean outdatedRelease = p.status() == PairStatus.OUTDATED && p.previousStatus() == PairStatus.RELEASED;
                if (p.status() == PairStatus.RELEASED || outdatedRelease) {
                    Pair back = outdatedRelease ? p.withStatus(PairStatus.OUTDATED, PairStatus.APPROVED)
                            : p.withStatus(PairStatus.APPROVED, null);
                    writes.apply(p, back.withReleased(Released.NONE).withTexts(p.texts().withSourceUpdated(false)),
                            who.actor(), "retract", reason);
                } else if (p.released().sourceRevision() != null) {
                    writes.apply(p, p.withReleased(Released.NONE), who.actor(), "retract", reason);
                }
            }
            items.finish(b, BulletinState.DRAFT, who, Action.RETRACT_BULLETIN.auditName(), reason);
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

    private BulletinView run(long id, Runnable change) {
        try {
            retries.write("bulletin " + id, () -> {
                change.run();
                return null;
            });
        } catch (OptimisticLockException e) {
            throw new ApiException(ErrorCode.CONFLICT, "A pair of the bulletin changed meanwhile; nothing was released");
        }
        return reader.bulletin(id, true);
    }
}
