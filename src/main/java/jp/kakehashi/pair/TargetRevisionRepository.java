package jp.kakehashi.pair;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TargetRevisionRepository extends CrudRepository<TargetRevision, Long> {
    Optional<TargetRevision> findByPairIdAndRevision(Long pairId, int revision);

    List<TargetRevision> findByPairIdOrderByRevision(Long pairId);
}
