package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.kakehashi.office.Office;
import jp.kakehashi.office.OfficeRepository;
import jp.kakehashi.qa.DraftChecks;
import jp.kakehashi.qa.QaChecks;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;

/**
 * Pair transitions requested by people (claim, submit, approve …). Each is one transaction: read,
 * ask the rules, one version-conditional UPDATE, audit, outbox. Two translators claiming the same
 * pair both pass the rules, but only one UPDATE matches the version they read; the other gets 409.
 */
@Singleton
public class PairWorkflow {
    private final PairWrites writes;
    private final OfficeRepository offices;
    private final StaffLookup staff;
    private final SourceRevisionRepository sources;
    private final DraftChecks checks;
    private final MemoryFeed memory;
    private final Publication publication;

    PairWorkflow(PairWrites writes, OfficeRepository offices, StaffLookup staff, SourceRevisionRepository sources,
                 DraftChecks checks, MemoryFeed memory, Publication publication) {
        this.publication = publication;
        this.checks = checks;
        this.memory = memory;
        this.writes = writes;
        this.offices = offices;
        this.staff = staff;
        this.sources = sources;
    }

    /**
     * The actions this person may take on the pair now, in the pages' order: the rules' answer for
     * each action the state offers, a reason taken as given (the form asks for it). The pages show
     * exactly these, so a translator sees no take-over and no one sees a button that would refuse.
     */
    public List<Action> allowed(long pairId, Staff who) {
        Pair p = writes.load(pairId);
        Subject subject = PairGuard.subject(p, who, office(p), true, Instant.now());
        return WorkflowRules.offered(p.status()).stream()
                .filter(a -> WorkflowRules.decide(p.status(), a, subject) instanceof Decision.Allowed).toList();
    }

    /** Whether this person may save a draft now: the holder of a live claim, no one else. */
    public boolean mayEdit(long pairId, Staff who) {
        Pair p = writes.load(pairId);
        Subject subject = PairGuard.subject(p, who, office(p), true, Instant.now());
        return WorkflowRules.decide(p.status(), Action.SAVE_DRAFT, subject) instanceof Decision.Allowed;
    }

    public PairView act(long pairId, Action action, Staff who, @Nullable String reason, @Nullable Long ifMatch,
                        @Nullable String assignTo) {
        FieldLimits.length("reason", reason, FieldLimits.MAX_REASON); // code points, as every limit
        AtomicBoolean sourceChanged = new AtomicBoolean();
        PairView view = writes.transaction(pairId, ifMatch, reads -> {
            sourceChanged.set(false); // a run again after a lost conflict decides afresh
            reads.knowing(who);
            Pair p = writes.load(pairId);
            Office office = office(p);
            Instant now = Instant.now();
            Decision.Allowed allowed = PairGuard.check(p, action, who, office, reason, ifMatch, now);
            if (action == Action.SUBMIT && outdatedDraft(p, reads)) {
                sourceChanged.set(true);
                return writes.apply(p, p.withStatus(PairStatus.OUTDATED, PairStatus.CLAIMED).withLease(Lease.NONE),
                        who.actor(), Action.SUBMIT_REFUSED_OUTDATED, "the source changed after the draft's base revision");
            }
            boolean publishes = action == Action.APPROVE && publication.publishesOnApproval(p, office);
            Pair next = effect(p, action, allowed, who, office, now, assignTo);
            String name = action.auditName(Long.valueOf(who.id()).equals(p.lastSubmitterId()));
            Pair applied = writes.apply(p, next, who.actor(), name, reason);
            if (action == Action.APPROVE) {
                memory.approved(p, who, reads);
            }
            return publishes ? publication.publish(applied, who) : applied;
        });
        if (sourceChanged.get()) {
            throw new ApiException(ErrorCode.SOURCE_CHANGED,
                    "The source changed after the revision this draft translates; the pair is now OUTDATED")
                    .with("pair", view);
        }
        return view;
    }

    private Pair effect(Pair p, Action action, Decision.Allowed allowed, Staff who, Office office, Instant now,
                        @Nullable String assignTo) {
        PairStatus to = allowed.restorePrevious() && p.previousStatus() != null ? p.previousStatus() : allowed.to();
        Pair next = p.withStatus(to, null);
        return switch (action) {
            case CLAIM, RESUME -> next.withLease(new Lease(who.id(), now, Leases.expiry(now, office.leaseHours())));
            case ASSIGN, TAKEOVER -> next.withLease(new Lease(assignee(assignTo, who, p), now,
                    Leases.expiry(now, office.leaseHours())));
            case UNCLAIM, SUBMIT, REOPEN, APPROVE, UNAPPROVE -> {
                Pair cleared = next.withLease(Lease.NONE);
                yield action == Action.SUBMIT ? cleared.withTexts(p.texts().submittedBy(who.id())) : cleared;
            }
            // a cancelled item leaves the source edition too; a translation already out stays until retracted
            case CANCEL -> p.released().targetRevision() == null
                    ? next.withLease(Lease.NONE).withReleased(Released.NONE) : next.withLease(Lease.NONE);
            case REJECT -> next.withLease(new Lease(p.lastSubmitterId(), now, Leases.expiry(now, office.leaseHours())));
            case CONFIRM -> confirmed(p, next);
            default -> throw new IllegalArgumentException(action + " is not a pair endpoint");
        };
    }

    /** The editor says the source change does not affect the translation: it is now based on it. */
    private static Pair confirmed(Pair p, Pair next) {
        Pair based = next.withTexts(p.texts().confirmed());
        return next.status() == PairStatus.RELEASED
                ? based.withReleased(new Released(p.sourceRevision(), p.released().targetRevision())) : based;
    }

    private long assignee(@Nullable String username, Staff who, Pair p) {
        if (username == null || username.isBlank()) {
            return who.id();
        }
        Staff assignee = staff.active(username.strip()).filter(s -> s.worksOn(p.officeCode()))
                .orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_FAILED,
                        "No active translator of office " + p.officeCode() + " is called " + username)
                        .with("field", "assignee"));
        return assignee.id();
    }

    /** A substantive source revision newer than the revision the draft was based on. */
    private boolean outdatedDraft(Pair p, PairReads reads) {
        if (p.targetRevision() == 0) {
            throw new ApiException(ErrorCode.EMPTY_TARGET, "Save a translation before submitting");
        }
        var target = reads.target(p.id(), p.targetRevision()).orElseThrow();
        if (target.title().isBlank() || target.body().isBlank()) {
            throw new ApiException(ErrorCode.EMPTY_TARGET, "The translation's title and body must not be empty");
        }
        var source = reads.source(p.id(), p.sourceRevision());
        List<QaChecks.Issue> issues = checks.check(source.body(), target.title(), target.body(), p.sourceLang(),
                p.targetLang(), p.officeCode());
        if (QaChecks.blocking(issues)) {
            throw new ApiException(ErrorCode.QA_FAILED, "The draft has blocking quality issues")
                    .with("issues", issues);
        }
        int base = p.basedOnSourceRevision() == null ? 0 : p.basedOnSourceRevision();
        return sources.latestSubstantive(p.id()) > base;
    }

    Office office(Pair p) {
        return offices.findById(p.officeCode()).orElseThrow();
    }
}
