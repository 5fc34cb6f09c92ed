package jp.kakehashi.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MailRepository extends GenericRepository<OutgoingMail, Long> {
    OutgoingMail save(OutgoingMail m);

    /** Due rows no other instance holds: SKIP LOCKED lets several senders share the queue without waiting. */
    @Query("SELECT * FROM mail_outbox WHERE state = 'PENDING' AND next_attempt_at <= :now ORDER BY id LIMIT :limit"
            + " FOR UPDATE SKIP LOCKED")
    List<OutgoingMail> due(Instant now, int limit);

    @Query("UPDATE mail_outbox SET state = 'SENDING', lease_until = :until, attempts = attempts + 1,"
            + " version = version + 1 WHERE id IN (:ids)")
    void take(List<Long> ids, Instant until);

    @Query("UPDATE mail_outbox SET state = 'SENT', sent_at = :now, lease_until = NULL, last_error = NULL,"
            + " version = version + 1 WHERE id = :id AND state = 'SENDING'")
    void sent(long id, Instant now);

    @Query("UPDATE mail_outbox SET state = :state, next_attempt_at = :next, lease_until = NULL, last_error = :error,"
            + " version = version + 1 WHERE id = :id AND state = 'SENDING'")
    void failed(long id, String state, Instant next, @Nullable String error);

    /** Whether a poll has anything to do: a due message, or one whose sending was interrupted. A plain read. */
    @Query("SELECT EXISTS(SELECT 1 FROM mail_outbox WHERE (state = 'PENDING' AND next_attempt_at <= :now)"
            + " OR (state = 'SENDING' AND lease_until < :now))")
    boolean work(Instant now);

    /** Rows whose sender stopped mid-send (a crash, a kill): due again at once. */
    @Query("UPDATE mail_outbox SET state = 'PENDING', lease_until = NULL, next_attempt_at = :now,"
            + " last_error = 'interrupted while sending', version = version + 1"
            + " WHERE state = 'SENDING' AND lease_until < :now")
    int recover(Instant now);

    List<OutgoingMail> findByUserIdOrderByIdDesc(long userId);

    long countByState(OutgoingMail.State state);
}
