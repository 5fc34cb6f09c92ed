package jp.kakehashi.pair;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.function.Function;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.audit.AuditEvent;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.database.ConflictRetries;
import jp.kakehashi.outbox.Outbox;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;

/**
 * The one way a pair row changes: an UPDATE conditional on the version that was read (Micronaut
 * Data's {@code @Version}), with its audit event and outbox row, inside the caller's transaction.
 * {@link #transaction} runs the whole change and, when another writer got there first, answers with
 * the pair as it is now (409, or 412 when the client sent If-Match).
 */
@Singleton
public class PairWrites {
    private static final Set<ErrorCode> WITH_CURRENT = Set.of(ErrorCode.WRONG_STATE, ErrorCode.CONFLICT,
            ErrorCode.PRECONDITION_FAILED, ErrorCode.LOCKED, ErrorCode.LEASE_EXPIRED, ErrorCode.SOURCE_CHANGED);
    private final PairRepository pairs;
    private final AuditRepository audit;
    private final Outbox outbox;
    private final PairReader reader;
    private final ConflictRetries retries;
    private final ApplicationEventPublisher<PairActed> acted;

    PairWrites(PairRepository pairs, AuditRepository audit, Outbox outbox, PairReader reader,
               ApplicationEventPublisher<PairActed> acted, ConflictRetries retries) {
        this.acted = acted;
        this.pairs = pairs;
        this.audit = audit;
        this.outbox = outbox;
        this.reader = reader;
        this.retries = retries;
    }

    Pair load(long id) {
        return pairs.findById(id).orElseThrow(() -> ApiException.notFound("Pair " + id));
    }

    public Pair apply(Pair before, Pair after, Actor actor, String action, @Nullable String reason) {
        Pair saved = pairs.update(after);
        audit.save(new AuditEvent(null, before.bulletinId(), before.id(), actor.id(), actor.name(), action,
                before.status().name(), saved.status().name(), FieldLimits.strippedOrNull(reason), null));
        outbox.pairChanged(before.id(), action);
        acted.publishEvent(new PairActed(before, saved, actor, action, FieldLimits.strippedOrNull(reason)));
        return saved;
    }

    /**
     * Runs {@code change} in one transaction (again after a lost deadlock, with a fresh record of
     * reads) and answers with the pair's view, built from what the change read.
     */
    PairView transaction(long pairId, @Nullable Long ifMatch, Function<PairReads, Pair> change) {
        try {
            PairReads[] reads = new PairReads[1];
            Pair changed = retries.write("pair " + pairId, () -> change.apply(reads[0] = reader.reads()));
            return reader.current(changed, reads[0]);
        } catch (OptimisticLockException lost) {
            Pair now = load(pairId);
            ErrorCode code = ifMatch != null ? ErrorCode.PRECONDITION_FAILED : ErrorCode.CONFLICT;
            throw withCurrent(new ApiException(code, "The pair changed while this request ran; it is now "
                    + now.status()).with("status", now.status()), now);
        } catch (ApiException e) {
            if (WITH_CURRENT.contains(e.code())) {
                pairs.findById(pairId).ifPresent(now -> withCurrent(e, now));
            }
            throw e;
        }
    }

    private ApiException withCurrent(ApiException e, Pair now) {
        return e.with("pair", reader.current(now));
    }
}
