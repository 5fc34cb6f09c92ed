package jp.kakehashi.pair;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.database.Leadership;
import jp.kakehashi.security.UserDeactivated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns claims to UNASSIGNED, keeping the draft for the next claimant: when their lease has run
 * out (a scheduled sweep) and when their holder is deactivated (in the deactivating transaction).
 * With several instances, the one holding the sweep's lease runs it ({@link Leadership}).
 */
@Singleton
class ClaimReturns implements ApplicationEventListener<UserDeactivated> {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimReturns.class);
    static final String LOCK = "kakehashi.lease-expiry";
    private static final TransactionDefinition OWN_TRANSACTION =
            TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);
    private final PairRepository pairs;
    private final PairWrites writes;
    private final Leadership leadership;
    private final TransactionOperations<Connection> tx;
    private final Duration interval;

    ClaimReturns(PairRepository pairs, PairWrites writes, Leadership leadership, TransactionOperations<Connection> tx,
                 @Value("${kakehashi.lease.sweep-interval:1m}") Duration interval) {
        this.pairs = pairs;
        this.writes = writes;
        this.leadership = leadership;
        this.tx = tx;
        this.interval = interval;
    }

    @Scheduled(fixedDelay = "${kakehashi.lease.sweep-interval:1m}", initialDelay = "${kakehashi.lease.sweep-interval:1m}")
    void sweep() {
        try {
            if (!leadership.lead(LOCK, interval.multipliedBy(2))) {
                return;
            }
            int returned = expire(Instant.now());
            if (returned > 0) {
                LOG.info("Returned {} expired claim(s) to UNASSIGNED", returned);
            }
        } catch (RuntimeException e) {
            // The next sweep retries; an outage must not kill the schedule.
            LOG.warn("Lease sweep failed: {}", e.toString());
        }
    }

    @Override
    public void onApplicationEvent(UserDeactivated event) {
        for (Pair p : pairs.findByLeaseAssigneeIdAndStatus(event.userId(), PairStatus.CLAIMED)) {
            writes.apply(p, p.withStatus(PairStatus.UNASSIGNED, null).withLease(Lease.NONE), event.by(),
                    Action.UNCLAIM.auditName(), "holder deactivated");
        }
    }

    private int expire(Instant now) {
        List<Pair> expired = pairs.findByStatusAndLeaseExpiresAtLessThanOrderByLeaseExpiresAt(PairStatus.CLAIMED, now);
        int returned = 0;
        for (Pair p : expired) {
            try {
                tx.execute(OWN_TRANSACTION, status -> writes.apply(p, p.withStatus(PairStatus.UNASSIGNED, null)
                        .withLease(Lease.NONE), Actor.SYSTEM, Action.EXPIRE.auditName(), "lease expired at " + p.leaseExpiresAt()));
                returned++;
            } catch (OptimisticLockException changed) {
                // saved or released meanwhile; a renewed lease is no longer expired
            }
        }
        return returned;
    }
}
