package jp.kakehashi.bulletin;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.security.User;
import jp.kakehashi.security.UserRepository;
import jp.kakehashi.system.ApiException;

/**
 * Assembles views of bulletins and pairs in one read transaction. Staff see the current revisions
 * of everything; readers see released bulletins only, with the revisions that were released (a pair
 * whose source changed after release stays readable, marked {@code sourceUpdated}). Anything else
 * is 404 to a reader, never 403, so unreleased work does not even show that it exists.
 */
@Singleton
public class BulletinReader {
    private final BulletinRepository bulletins;
    private final PairRepository pairs;
    private final SourceRevisionRepository sources;
    private final TargetRevisionRepository targets;
    private final UserRepository users;

    BulletinReader(BulletinRepository bulletins, PairRepository pairs, SourceRevisionRepository sources,
                   TargetRevisionRepository targets, UserRepository users) {
        this.bulletins = bulletins;
        this.pairs = pairs;
        this.sources = sources;
        this.targets = targets;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public BulletinView bulletin(long id, boolean staff) {
        Bulletin b = bulletins.findById(id).filter(x -> staff || x.state() == Bulletin.BulletinState.RELEASED)
                .orElseThrow(() -> ApiException.notFound("Bulletin " + id));
        Map<Long, String> names = new HashMap<>();
        List<PairView> views = pairs.findByBulletinIdOrderByPosition(id).stream()
                .map(p -> view(p, staff, names)).flatMap(Optional::stream).toList();
        return new BulletinView(b.id(), b.number(), b.titleJa(), b.titleEn(), b.publishedOn(), b.state(),
                b.releasedAt(), b.version(), views);
    }

    @Transactional(readOnly = true)
    public Optional<PairView> pair(long id, boolean staff) {
        return pairs.findById(id).flatMap(p -> visible(p, staff) ? view(p, staff, new HashMap<>()) : Optional.empty());
    }

    /**
     * The current view of a pair, for staff (after a write, or in an error body). The pair row is
     * given and revisions never change once written, so a connection is enough: a read-only
     * transaction would add four round trips to every workflow action.
     */
    @Connectable
    public PairView current(Pair p) {
        return view(p, true, new HashMap<>()).orElseThrow();
    }

    private boolean visible(Pair p, boolean staff) {
        return staff || p.releasedSourceRevision() != null && bulletins.findById(p.bulletinId())
                .map(b -> b.state() == Bulletin.BulletinState.RELEASED).orElse(false);
    }

    private Optional<PairView> view(Pair p, boolean staff, Map<Long, String> names) {
        if (!staff && p.releasedSourceRevision() == null) {
            return Optional.empty();
        }
        int sourceRev = staff ? p.sourceRevision() : p.releasedSourceRevision();
        int targetRev = staff ? p.targetRevision() : p.releasedTargetRevision() == null ? 0 : p.releasedTargetRevision();
        SourceRevision source = sources.findByPairIdAndRevision(p.id(), sourceRev)
                .orElseThrow(() -> new IllegalStateException("Pair " + p.id() + " lost its source revision"));
        PairView.TargetView target = targetRev == 0 ? null
                : targets.findByPairIdAndRevision(p.id(), targetRev).map(PairView.TargetView::of).orElse(null);
        String assignee = !staff || p.assigneeId() == null ? null
                : names.computeIfAbsent(p.assigneeId(), uid -> users.findById(uid).map(User::username).orElse("?"));
        return Optional.of(new PairView(p.id(), p.bulletinId(), p.position(), p.officeCode(), p.sourceLang(),
                p.targetLang(), staff ? p.status() : PairStatus.RELEASED, assignee,
                staff ? p.leaseExpiresAt() : null, p.sourceUpdated(), p.version(), PairView.SourceView.of(source),
                target));
    }
}
