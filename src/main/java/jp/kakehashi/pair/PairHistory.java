package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.system.ApiException;

/**
 * A pair's history: every audit event, every revision of both sides, and the source diff since the
 * revision the current translation was based on (what a translator of an OUTDATED pair must redo).
 */
@Singleton
public class PairHistory {
    private final PairRepository pairs;
    private final AuditRepository audit;
    private final SourceRevisionRepository sources;
    private final TargetRevisionRepository targets;

    PairHistory(PairRepository pairs, AuditRepository audit, SourceRevisionRepository sources,
                TargetRevisionRepository targets) {
        this.pairs = pairs;
        this.audit = audit;
        this.sources = sources;
        this.targets = targets;
    }

    @Serdeable
    public record Event(long id, Instant at, String actor, String action, @Nullable String from, @Nullable String to,
                 @Nullable String reason) {
    }

    @Serdeable
    public record SourceEntry(int revision, String changeKind, String title, @Nullable Instant createdAt) {
    }

    @Serdeable
    public record TargetEntry(int revision, int basedOnSourceRevision, String title, @Nullable Instant createdAt) {
    }

    @Serdeable
    public record Diff(int fromRevision, int toRevision, List<SourceDiff.Op> title, List<SourceDiff.Op> body) {
    }

    @Serdeable
    public record HistoryView(long pairId, List<Event> events, List<SourceEntry> sourceRevisions,
                       List<TargetEntry> targetRevisions, @Nullable Diff sourceDiff) {
    }

    @Transactional(readOnly = true)
    public HistoryView of(long pairId) {
        Pair p = pairs.findById(pairId).orElseThrow(() -> ApiException.notFound("Pair " + pairId));
        List<Event> events = audit.findByPairIdOrderById(pairId).stream().map(e -> new Event(e.id(), e.createdAt(),
                e.actorName(), e.action(), e.fromStatus(), e.toStatus(), e.reason())).toList();
        List<SourceRevision> revisions = sources.findByPairIdOrderByRevision(pairId);
        List<SourceEntry> sourceEntries = revisions.stream().map(r -> new SourceEntry(r.revision(),
                r.changeKind().name(), r.title(), r.createdAt())).toList();
        List<TargetEntry> targetEntries = targets.findByPairIdOrderByRevision(pairId).stream().map(t ->
                new TargetEntry(t.revision(), t.basedOnSourceRevision(), t.title(), t.createdAt())).toList();
        return new HistoryView(pairId, events, sourceEntries, targetEntries, diff(p, revisions));
    }

    private static Diff diff(Pair p, List<SourceRevision> revisions) {
        Integer base = p.basedOnSourceRevision();
        if (base == null || base >= p.sourceRevision()) {
            return null;
        }
        SourceRevision from = revisions.stream().filter(r -> r.revision() == base).findFirst().orElse(null);
        SourceRevision to = revisions.stream().filter(r -> r.revision() == p.sourceRevision()).findFirst().orElse(null);
        if (from == null || to == null) {
            return null;
        }
        return new Diff(from.revision(), to.revision(), SourceDiff.between(from.title(), to.title()),
                SourceDiff.between(from.body(), to.body()));
    }
}
