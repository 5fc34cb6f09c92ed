package jp.kakehashi.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Append-only: no update or delete methods on purpose. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditRepository extends GenericRepository<AuditEvent, Long> {
    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByPairIdOrderById(Long pairId);

    List<AuditEvent> findByBulletinIdOrderById(Long bulletinId);
}
