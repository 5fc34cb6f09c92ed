package jp.kakehashi.bulletin;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.kakehashi.system.ApiException;

/** Assembles views of bulletins and pairs from the current revisions, in one read transaction. */
@Singleton
public class BulletinReader {
    private final BulletinRepository bulletins;
    private final PairRepository pairs;
    private final SourceRevisionRepository sources;
    private final TargetRevisionRepository targets;

    BulletinReader(BulletinRepository bulletins, PairRepository pairs, SourceRevisionRepository sources,
                   TargetRevisionRepository targets) {
        this.bulletins = bulletins;
        this.pairs = pairs;
        this.sources = sources;
        this.targets = targets;
    }

    @Transactional(readOnly = true)
    public BulletinView bulletin(long id, Function<Long, String> usernames) {
        Bulletin b = bulletins.findById(id).orElseThrow(() -> ApiException.notFound("Bulletin " + id));
        List<PairView> views = pairs.findByBulletinIdOrderByPosition(id).stream()
                .map(p -> view(p, usernames)).toList();
        return new BulletinView(b.id(), b.number(), b.titleJa(), b.titleEn(), b.publishedOn(), b.state(),
                b.releasedAt(), b.version(), views);
    }

    @Transactional(readOnly = true)
    public Optional<PairView> pair(long id, Function<Long, String> usernames) {
        return pairs.findById(id).map(p -> view(p, usernames));
    }

    public PairView view(Pair p, Function<Long, String> usernames) {
        SourceRevision source = sources.findByPairIdAndRevision(p.id(), p.sourceRevision())
                .orElseThrow(() -> new IllegalStateException("Pair " + p.id() + " lost its source revision"));
        PairView.TargetView target = p.targetRevision() == 0 ? null
                : targets.findByPairIdAndRevision(p.id(), p.targetRevision()).map(PairView.TargetView::of).orElse(null);
        return new PairView(p.id(), p.bulletinId(), p.position(), p.officeCode(), p.sourceLang(), p.targetLang(),
                p.status(), p.assigneeId() == null ? null : usernames.apply(p.assigneeId()), p.leaseExpiresAt(),
                p.sourceUpdated(), p.version(), PairView.SourceView.of(source), target);
    }
}
