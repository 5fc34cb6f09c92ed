package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import jp.kakehashi.align.Composition;
import jp.kakehashi.align.Link;
import jp.kakehashi.office.Office;
import jp.kakehashi.pair.TextCommands.ReviseSourceCommand;
import jp.kakehashi.pair.TextCommands.SaveTargetCommand;
import jp.kakehashi.security.Staff;
import jp.kakehashi.segment.Segmenter;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;

/**
 * New revisions of either side of a pair. Drafts renew the holder's lease (within the bound of
 * {@link Leases}); a substantive source revision sends every translated state to OUTDATED and drops
 * the claim, a typo revision leaves the state alone (and is published at once on a released pair,
 * since it changes no meaning). Where only the source edition is out, any source revision is
 * published at once: there is no published translation to keep in step with it.
 */
@Singleton
public class Revisions {
    private final PairWrites writes;
    private final PairWorkflow workflow;
    private final SourceRevisionRepository sources;
    private final TargetRevisionRepository targets;

    Revisions(PairWrites writes, PairWorkflow workflow, SourceRevisionRepository sources,
              TargetRevisionRepository targets) {
        this.writes = writes;
        this.workflow = workflow;
        this.sources = sources;
        this.targets = targets;
    }

    public PairView saveDraft(long pairId, Staff who, long ifMatch, SaveTargetCommand c) {
        String title = c.title() == null ? "" : c.title().strip();
        FieldLimits.length("title", title, FieldLimits.MAX_TITLE);
        checkSegments(c);
        String given = c.body() == null ? "" : c.body();
        FieldLimits.length("body", given, FieldLimits.MAX_BODY);
        if (c.links() != null && c.links().size() > FieldLimits.MAX_LINKS) {
            throw FieldLimits.tooLong("links", FieldLimits.MAX_LINKS);
        }
        return writes.transaction(pairId, ifMatch, reads -> {
            Pair p = writes.load(pairId);
            Office office = workflow.office(p);
            Instant now = Instant.now();
            PairGuard.check(p, Action.SAVE_DRAFT, who, office, null, ifMatch, now);
            // who may save comes first (403, 423, 412), then whether the draft's parts fit its source (422)
            SourceRevision source = reads.knowing(who).source(p.id(), p.sourceRevision());
            String body = given;
            List<String> links = c.links();
            if (c.segments() != null) {
                Composition.Composed composed = compose(c.segments(), source, p);
                body = composed.body();
                links = composed.links();
            } else if (links != null) {
                checkLinks(links, source, p, body);
            }
            List<String> captions = captions(c.captions(), source, p);
            int revision = p.targetRevision() + 1;
            Pair next = p.withTexts(p.texts().drafted(revision));
            if (Objects.equals(p.assigneeId(), who.id())) {
                next = next.withLease(new Lease(who.id(), p.lease().startedAt(),
                        Leases.renewed(now, p.lease().startedAt(), office.leaseHours())));
            }
            // The version-conditional UPDATE goes first: it takes the row's exclusive lock before the
            // revision insert's foreign-key check takes a shared one, so two racing saves queue instead
            // of deadlocking, and the second gets a clean 412.
            Pair saved = writes.apply(p, next, who.actor(), Action.SAVE_DRAFT.auditName(), null);
            targets.save(new TargetRevision(null, p.id(), revision, title, body, captions, p.sourceRevision(),
                    who.id(), null, links == null ? null : String.join(" ", links)));
            return saved;
        });
    }

    /** Segments come instead of a body and links, and count against the same bounds. */
    private static void checkSegments(SaveTargetCommand c) {
        if (c.segments() == null) {
            return;
        }
        if (c.body() != null || c.links() != null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Send segments, or body and links, not both")
                    .with("field", "segments");
        }
        if (c.segments().size() > FieldLimits.MAX_LINKS) {
            throw FieldLimits.tooLong("segments", FieldLimits.MAX_LINKS);
        }
        long length = 0;
        for (TextCommands.SegmentText t : c.segments()) {
            length += t == null || t.text() == null ? 0 : t.text().length() + 1;
        }
        if (length > FieldLimits.MAX_BODY) {
            throw FieldLimits.tooLong("segments", FieldLimits.MAX_BODY);
        }
    }

    private static Composition.Composed compose(List<TextCommands.SegmentText> segments, SourceRevision source, Pair p) {
        try {
            return Composition.compose(source.body(), p.sourceLang(), segments.stream()
                    .map(t -> t == null ? new Composition.Row("", "") : new Composition.Row(t.sources(), t.text()))
                    .toList(), p.targetLang());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, e.getMessage()).with("field", "segments");
        }
    }

    /** The draft's captions: as given (at most one per source caption), or the current draft's. */
    private List<String> captions(@Nullable List<String> given, SourceRevision source, Pair p) {
        if (given == null) {
            return p.targetRevision() == 0 ? List.of()
                    : targets.findByPairIdAndRevision(p.id(), p.targetRevision()).map(TargetRevision::captions)
                    .orElse(List.of());
        }
        List<String> lines = FieldLimits.lines("captions", given).stream().map(String::strip).toList();
        if (lines.size() > source.captions().size()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "The source has " + source.captions().size()
                    + " captions; " + lines.size() + " translations were sent").with("field", "captions");
        }
        return lines;
    }

    /** A person's alignment must fit the draft's sentences exactly: 422 VALIDATION_FAILED naming links. */
    private static void checkLinks(List<String> links, SourceRevision source, Pair p, String body) {
        try {
            Link.parseAll(links, Segmenter.split(source.body(), p.sourceLang()).size(),
                    Segmenter.split(body, p.targetLang()).size());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, e.getMessage()).with("field", "links");
        }
    }

    public PairView reviseSource(long pairId, Staff who, long ifMatch, ReviseSourceCommand c) {
        SourceRevision.ChangeKind kind = switch (c.change() == null ? "" : c.change()) {
            case "typo" -> SourceRevision.ChangeKind.TYPO;
            case "substantive" -> SourceRevision.ChangeKind.SUBSTANTIVE;
            default -> throw new ApiException(ErrorCode.VALIDATION_FAILED, "change must be typo or substantive")
                    .with("field", "change");
        };
        String title = c.title() == null ? "" : c.title().strip();
        String body = c.body() == null ? "" : c.body();
        if (title.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "title must not be empty").with("field", "title");
        }
        FieldLimits.length("title", title, FieldLimits.MAX_TITLE);
        FieldLimits.length("body", body, FieldLimits.MAX_BODY);
        FieldLimits.length("reason", c.reason() == null ? "" : c.reason(), FieldLimits.MAX_REASON);
        List<String> captions = c.captions() == null ? null : FieldLimits.lines("captions", c.captions());
        Action action = kind == SourceRevision.ChangeKind.TYPO ? Action.SOURCE_TYPO : Action.SOURCE_SUBSTANTIVE;
        return writes.transaction(pairId, ifMatch, reads -> {
            Pair p = writes.load(pairId);
            if (p.status() != PairStatus.CANCELLED || action == Action.SOURCE_TYPO) {
                PairGuard.check(p, action, who, workflow.office(p), c.reason(), ifMatch, Instant.now());
            } else if (!who.editorOf(p.officeCode())) {
                throw new ApiException(ErrorCode.FORBIDDEN, "Editors of office " + p.officeCode() + " only");
            } else {
                PairGuard.matches(p, ifMatch);
            }
            SourceRevision prev = reads.source(p.id(), p.sourceRevision());
            int revision = p.sourceRevision() + 1;
            Pair saved = writes.apply(p, next(p, kind, revision), who.actor(),
                    (kind == SourceRevision.ChangeKind.TYPO ? Action.SOURCE_TYPO : Action.SOURCE_SUBSTANTIVE).auditName(), c.reason());
            sources.save(new SourceRevision(null, p.id(), revision, title, prev.dateline(), body,
                    captions == null ? prev.captions() : captions, prev.images(), kind, who.id(), null));
            return saved;
        });
    }

    private static Pair next(Pair p, SourceRevision.ChangeKind kind, int revision) {
        Pair revised = p.withTexts(p.texts().withSource(revision));
        if (kind == SourceRevision.ChangeKind.TYPO) {
            return p.released().sourceRevision() == null ? revised
                    : revised.withReleased(new Released(revision, p.released().targetRevision()));
        }
        if (p.status() == PairStatus.CANCELLED) {
            return revised;
        }
        PairStatus previous = p.status() == PairStatus.OUTDATED ? p.previousStatus() : p.status();
        Pair outdated = revised.withStatus(PairStatus.OUTDATED, previous).withLease(Lease.NONE);
        if (p.released().sourceRevision() != null && p.released().targetRevision() == null) {
            // only the source edition is out: no published translation to keep in step with it
            return outdated.withReleased(new Released(revision, null));
        }
        return outdated.withTexts(revised.texts().withSourceUpdated(p.released().sourceRevision() != null));
    }
}
