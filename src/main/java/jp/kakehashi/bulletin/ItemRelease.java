package jp.kakehashi.bulletin;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.audit.AuditEvent;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.bulletin.Bulletin.BulletinState;
import jp.kakehashi.office.Office;
import jp.kakehashi.office.ReleaseMode;
import jp.kakehashi.outbox.Outbox;
import jp.kakehashi.pair.Action;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.pair.PairRepository;
import jp.kakehashi.pair.PairStatus;
import jp.kakehashi.pair.PairWrites;
import jp.kakehashi.pair.Publication;
import jp.kakehashi.pair.Released;
import jp.kakehashi.security.Staff;

/**
 * Publishing single pairs, inside a transaction that holds the bulletin's row lock: a translation of an
 * office that releases item by item as it is approved ({@link ReleaseMode#ITEM}), and the source
 * side of every pair when the source edition goes out. The bulletin becomes RELEASED when its last
 * translation is out, whichever way it went.
 */
@Singleton
class ItemRelease implements Publication {
    private final BulletinRepository bulletins;
    private final PairRepository pairs;
    private final PairWrites writes;
    private final AuditRepository audit;
    private final Outbox outbox;
    private final ApplicationEventPublisher<BulletinReleased> released;

    ItemRelease(BulletinRepository bulletins, PairRepository pairs, PairWrites writes, AuditRepository audit,
                Outbox outbox, ApplicationEventPublisher<BulletinReleased> released) {
        this.released = released;
        this.bulletins = bulletins;
        this.pairs = pairs;
        this.writes = writes;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Override
    public boolean publishesOnApproval(Pair pair, Office office) {
        return office.releaseMode() == ReleaseMode.ITEM && bulletins.lockById(pair.bulletinId())
                .map(b -> b.state() == BulletinState.SOURCE_RELEASED).orElse(false);
    }

    @Override
    public Pair publish(Pair approved, Staff who) {
        Pair released = translation(approved, who.actor(), Action.RELEASED_ON_APPROVAL);
        Bulletin b = bulletins.findById(approved.bulletinId()).orElseThrow();
        if (complete(pairs.findByBulletinIdOrderByPosition(b.id()))) {
            finish(b, BulletinState.RELEASED, who, Action.RELEASE_BULLETIN.auditName(), null);
        }
        return released;
    }

    /** Both sides of an approved pair, as they are now, go public. */
    Pair translation(Pair p, Actor actor, String auditName) {
        return writes.apply(p, p.withStatus(PairStatus.RELEASED, null)
                .withReleased(new Released(p.sourceRevision(), p.targetRevision()))
                .withTexts(p.texts().withSourceUpdated(false)), actor, auditName, null);
    }

    /** The current source of a pair whose translation is not out goes public, on its own. */
    Pair source(Pair p, Actor actor) {
        return writes.apply(p, p.withReleased(new Released(p.sourceRevision(), null)), actor,
                Action.SOURCE_RELEASED_WITH_BULLETIN, null);
    }

    /** Every translation is out: nothing is left to approve or publish but cancelled pairs. */
    static boolean complete(List<Pair> all) {
        return all.stream().allMatch(p -> p.status() == PairStatus.RELEASED || p.status() == PairStatus.CANCELLED)
                && all.stream().anyMatch(p -> p.status() == PairStatus.RELEASED);
    }

    void finish(Bulletin b, BulletinState state, Staff who, String action, @Nullable String reason) {
        Instant now = Instant.now();
        Bulletin next = switch (state) {
            case DRAFT -> b.withState(state, null, null);
            case SOURCE_RELEASED -> b.withState(state, null, b.sourceReleasedAt() == null ? now : b.sourceReleasedAt());
            case RELEASED -> b.withState(state, now, b.sourceReleasedAt() == null ? now : b.sourceReleasedAt());
        };
        bulletins.update(next);
        audit.save(new AuditEvent(null, b.id(), null, who.id(), who.username(), action, b.state().name(),
                state.name(), reason == null ? null : reason.strip(), null));
        outbox.bulletinChanged(b.id(), action);
        jp.kakehashi.audit.AuditLog.event(action, who.username(), "bulletin " + b.id());
        if (state.isPublic()) {
            released.publishEvent(new BulletinReleased(b.id(), who.actor()));
        }
    }
}
