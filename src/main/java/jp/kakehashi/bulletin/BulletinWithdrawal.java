package jp.kakehashi.bulletin;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.kakehashi.audit.AuditEvent;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.database.RetryOnConflict;
import jp.kakehashi.outbox.Outbox;
import jp.kakehashi.pair.Action;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.pair.PairRepository;
import jp.kakehashi.pair.PairStatus;
import jp.kakehashi.security.Staff;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;

/**
 * Taking back a bulletin imported by mistake (the wrong file, a duplicate confirmed in error): while
 * nothing of it was approved, an editor of every office it names (or of HQ) deletes it with a reason, in one
 * transaction under its row lock. Its pairs, revisions and QA acknowledgements go; its audit history
 * stays, with the withdrawal and the reason; the search index drops its pairs from the outbox rows
 * written here. Once a translation was approved (and so remembered by the memory) or the bulletin
 * either edition released, withdrawing would rewrite what others relied on: later stages retract
 * and cancel pairs instead.
 * Deleting also frees the bulletin's date and titles for the corrected import.
 */
@Singleton
public class BulletinWithdrawal {
    private static final Set<PairStatus> TOO_LATE = EnumSet.of(PairStatus.APPROVED, PairStatus.RELEASED);
    private final BulletinRepository bulletins;
    private final PairRepository pairs;
    private final AuditRepository audit;
    private final Outbox outbox;

    BulletinWithdrawal(BulletinRepository bulletins, PairRepository pairs, AuditRepository audit, Outbox outbox) {
        this.bulletins = bulletins;
        this.pairs = pairs;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional
    @RetryOnConflict
    public void withdraw(long id, Staff who, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException(ErrorCode.REASON_REQUIRED, "withdraw needs a reason");
        }
        FieldLimits.length("reason", reason, FieldLimits.MAX_REASON);
        Bulletin b = bulletins.lockById(id).orElseThrow(() -> ApiException.notFound("Bulletin " + id));
        List<Pair> all = pairs.findByBulletinIdOrderByPosition(id);
        BulletinEditors.require(who, all);
        if (b.state().isPublic() || all.stream().anyMatch(p -> TOO_LATE.contains(p.status()))
                || bulletins.countMemoryUnitsOf(id) > 0) {
            throw new ApiException(ErrorCode.WRONG_STATE, "A translation of this bulletin was approved or released;"
                    + " cancel its pairs instead").with("state", b.state());
        }
        bulletins.deleteAcknowledgementsOf(id);
        bulletins.deleteTargetRevisionsOf(id);
        bulletins.deleteSourceRevisionsOf(id);
        bulletins.deletePairsOf(id);
        bulletins.deleteById(id);
        audit.save(new AuditEvent(null, id, null, who.id(), who.username(), Action.WITHDRAW_BULLETIN.auditName(),
                b.state().name(), null, reason.strip(), null));
        all.forEach(p -> outbox.pairChanged(p.id(), "withdrawn"));
        outbox.bulletinChanged(id, "withdrawn");
        jp.kakehashi.audit.AuditLog.event(Action.WITHDRAW_BULLETIN.auditName(), who.username(), "bulletin " + id);
    }
}
