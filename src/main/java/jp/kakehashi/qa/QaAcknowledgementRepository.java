package jp.kakehashi.qa;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface QaAcknowledgementRepository extends GenericRepository<QaAcknowledgement, Long> {
    QaAcknowledgement save(QaAcknowledgement ack);

    List<QaAcknowledgement> findByPairIdOrderById(long pairId);
}
