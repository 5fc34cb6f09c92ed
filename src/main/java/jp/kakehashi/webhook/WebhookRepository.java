package jp.kakehashi.webhook;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface WebhookRepository extends GenericRepository<Webhook, Long> {
    Webhook save(Webhook w);

    Webhook update(Webhook w);

    Optional<Webhook> findById(long id);

    List<Webhook> findByActiveTrueOrderById();

    long countByActiveTrue();

    /** Takes the receiver's lane for one attempt (its row is locked by {@link DeliveryRepository#due}). */
    @Query("UPDATE webhook SET busy_until = :until WHERE id = :id")
    void takeLane(long id, Instant until);

    /** Frees the lane this attempt took, unless its lease ran out and another attempt holds it now. */
    @Query("UPDATE webhook SET busy_until = NULL WHERE id = :id AND busy_until = :until")
    void freeLane(long id, Instant until);
}
