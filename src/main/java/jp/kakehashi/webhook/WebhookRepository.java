package jp.kakehashi.webhook;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface WebhookRepository extends GenericRepository<Webhook, Long> {
    Webhook save(Webhook w);

    Webhook update(Webhook w);

    Optional<Webhook> findById(long id);

    List<Webhook> findByActiveTrueOrderById();

    long countByActiveTrue();
}
