package jp.kakehashi.outbox;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OutboxRepository extends GenericRepository<OutboxEvent, Long> {
    OutboxEvent save(OutboxEvent event);

    List<OutboxEvent> findByIdGreaterThanOrderById(long after);

    long count();
}
