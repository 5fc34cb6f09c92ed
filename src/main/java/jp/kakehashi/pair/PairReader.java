package jp.kakehashi.pair;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.security.UserRepository;

/**
 * Views of a pair. Staff see its current revisions; readers see the revisions that were released
 * (a pair whose source changed after release stays readable, marked {@code sourceUpdated}), and
 * nothing of a pair that is not public: 404 to a reader, never 403, so unreleased work does not
 * even show that it exists.
 */
@Singleton
public class PairReader {
    private final PairRepository pairs;
    private final SourceRevisionRepository sources;
    private final TargetRevisionRepository targets;
    private final UserRepository users;

    PairReader(PairRepository pairs, SourceRevisionRepository sources, TargetRevisionRepository targets,
               UserRepository users) {
        this.pairs = pairs;
        this.sources = sources;
        this.targets = targets;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Optional<PairView> pair(long id, boolean staff) {
        return pairs.findById(id).filter(p -> staff || pairs.isPublic(p.id()))
                .flatMap(p -> view(p, staff, reads()));
    }

    /**
     * The current view of a pair, for staff (after a write, or in an error body). The pair row is
     * given and revisions never change once written, so a connection is enough: a read-only
     * transaction would add four round trips to every workflow action.
     */
    @Connectable
    public PairView current(Pair p) {
        return current(p, reads());
    }

    /** The same, after a change, from what the change read: mostly nothing is left to read. */
    @Connectable
    PairView current(Pair p, PairReads reads) {
        return view(p, true, reads).orElseThrow();
    }

    /** A fresh record of what a change or a list of views has read. */
    PairReads reads() {
        return new PairReads(sources, targets, users);
    }

    /**
     * The view of {@code p} as staff or a reader sees it, inside the caller's transaction; empty for
     * a reader when it was never released. {@code names} caches assignee names across the pairs of
     * one bulletin.
     */
    public Optional<PairView> view(Pair p, boolean staff, Map<Long, String> names) {
        return view(p, staff, new PairReads(sources, targets, users, names));
    }

    private Optional<PairView> view(Pair p, boolean staff, PairReads reads) {
        if (!staff && p.released().sourceRevision() == null) {
            return Optional.empty();
        }
        int sourceRev = staff ? p.sourceRevision() : p.released().sourceRevision();
        int targetRev = staff ? p.targetRevision() : p.released().targetRevision() == null ? 0 : p.released().targetRevision();
        SourceRevision source = reads.source(p.id(), sourceRev);
        PairView.TargetView target = targetRev == 0 ? null
                : reads.target(p.id(), targetRev).map(PairView.TargetView::of).orElse(null);
        String assignee = !staff || p.assigneeId() == null ? null : reads.name(p.assigneeId());
        return Optional.of(new PairView(p.id(), p.bulletinId(), p.position(), p.officeCode(), p.sourceLang(),
                p.targetLang(), staff ? p.status() : PairStatus.RELEASED, assignee,
                staff ? p.leaseExpiresAt() : null, p.sourceUpdated(), p.version(), PairView.SourceView.of(source),
                target));
    }
}
