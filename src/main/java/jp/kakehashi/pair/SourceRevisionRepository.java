package jp.kakehashi.pair;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SourceRevisionRepository extends CrudRepository<SourceRevision, Long> {
    Optional<SourceRevision> findByPairIdAndRevision(Long pairId, int revision);

    List<SourceRevision> findByPairIdOrderByRevision(Long pairId);

    /** The newest revision that changed the meaning (typo fixes do not outdate translations). */
    @Query("SELECT COALESCE(MAX(revision), 0) FROM source_revision WHERE pair_id = :pairId"
            + " AND change_kind IN ('INITIAL', 'SUBSTANTIVE')")
    int latestSubstantive(long pairId);
}
