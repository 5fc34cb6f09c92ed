package jp.kakehashi.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DeliveryRepository extends GenericRepository<Delivery, Long> {
    Delivery save(Delivery d);

    Optional<Delivery> findById(long id);

    @Query("SELECT * FROM webhook_delivery WHERE webhook_id = :webhookId ORDER BY id DESC LIMIT :limit")
    List<Delivery> newest(long webhookId, int limit);

    /** Deliveries due now whose receiver's lane is free (one attempt in flight per webhook). */
    String DUE = " FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id WHERE d.state = 'PENDING'"
            + " AND d.next_attempt_at <= :now AND (w.busy_until IS NULL OR w.busy_until < :now)";

    /**
     * Whether a poll has anything to do: a due delivery whose receiver is not busy, or one whose attempt
     * was interrupted. A plain read.
     */
    @Query("SELECT EXISTS(SELECT 1" + DUE + ")"
            + " OR EXISTS(SELECT 1 FROM webhook_delivery WHERE state = 'SENDING' AND lease_until < :now)")
    boolean work(Instant now);

    /**
     * The oldest due delivery whose webhook's lane is free, locking both rows; rows another sender
     * holds are passed over (SKIP LOCKED), so a sender taking one receiver's delivery never waits for
     * another sender taking the same receiver's.
     */
    @Query("SELECT d.*" + DUE + " ORDER BY d.id LIMIT 1 FOR UPDATE SKIP LOCKED")
    List<Delivery> due(Instant now);

    @Query("UPDATE webhook_delivery SET state = 'SENDING', lease_until = :until, attempts = attempts + 1,"
            + " version = version + 1 WHERE id = :id")
    void take(long id, Instant until);

    @Query("UPDATE webhook_delivery SET state = :state, next_attempt_at = :next, lease_until = NULL,"
            + " last_status = :status, last_error = :error, last_millis = :millis, delivered_at = :deliveredAt,"
            + " version = version + 1 WHERE id = :id AND state = 'SENDING'")
    void answered(long id, String state, Instant next, @Nullable Integer status, @Nullable String error, int millis,
                  @Nullable Instant deliveredAt);

    /** Deliveries whose sender stopped mid-attempt (a crash, a kill): due again at once. */
    @Query("UPDATE webhook_delivery SET state = 'PENDING', lease_until = NULL, next_attempt_at = :now,"
            + " last_error = 'interrupted while sending', version = version + 1"
            + " WHERE state = 'SENDING' AND lease_until < :now")
    int recover(Instant now);

    @Query("UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = :now, version = version + 1"
            + " WHERE id = :id AND state IN ('DELIVERED', 'FAILED')")
    int again(long id, Instant now);

    @Query("UPDATE webhook_delivery SET state = 'FAILED', last_error = 'webhook removed', version = version + 1"
            + " WHERE webhook_id = :webhookId AND state = 'PENDING'")
    void cancel(long webhookId);
}
