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

    /**
     * One audit event. {@code side} and {@code revision} name the revision it wrote, for the events
     * that write one (a draft saved, the source revised, the pair created), so the history can link
     * to what changed; null for the others.
     */
    @Serdeable
    public record Event(long id, Instant at, String actor, String action, @Nullable String from, @Nullable String to,
                 @Nullable String reason, @Nullable String side, @Nullable Integer revision) {
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
        List<SourceRevision> revisions = sources.findByPairIdOrderByRevision(pairId);
        List<TargetRevision> drafts = targets.findByPairIdOrderByRevision(pairId);
        List<Event> events = RevisionEvents.link(audit.findByPairIdOrderById(pairId), revisions.size(), drafts.size());
        List<SourceEntry> sourceEntries = revisions.stream().map(r -> new SourceEntry(r.revision(),
                r.changeKind().name(), r.title(), r.createdAt())).toList();
        List<TargetEntry> targetEntries = drafts.stream().map(t ->
                new TargetEntry(t.revision(), t.basedOnSourceRevision(), t.title(), t.createdAt())).toList();
        return new HistoryView(pairId, events, sourceEntries, targetEntries, diff(p, revisions));
    }

    /**
     * What one revision changed against the one before it (the first against nothing): {@code side}
     * "source" or "target". 404 for a revision the pair does not have.
     */
    @Transactional(readOnly = true)
    public Diff revision(long pairId, String side, int revision) {
        pairs.findById(pairId).orElseThrow(() -> ApiException.notFound("Pair " + pairId));
        // a revision of the side as its title and body
        java.util.function.IntFunction<java.util.Optional<String[]>> text = switch (side) {
            case "source" -> n -> sources.findByPairIdAndRevision(pairId, n).map(r -> new String[] {r.title(), r.body()});
            case "target" -> n -> targets.findByPairIdAndRevision(pairId, n).map(r -> new String[] {r.title(), r.body()});
            default -> throw ApiException.invalidParameter("side", "side must be source or target");
        };
        String[] now = text.apply(revision).orElseThrow(() -> ApiException.notFound(
                ("source".equals(side) ? "Source" : "Target") + " revision " + revision));
        String[] before = text.apply(revision - 1).orElse(new String[] {"", ""});
        return new Diff(revision - 1, revision, SourceDiff.between(before[0], now[0]),
                SourceDiff.between(before[1], now[1]));
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
