package jp.kakehashi.memory;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TmRepository extends GenericRepository<TmUnit, Long> {
    List<TmUnit> findByIdIn(Collection<Long> ids);

    List<TmUnit> findByIdGreaterThan(long after, io.micronaut.data.model.Pageable page);

    long count();

    List<TmUnit> findBySeqGreaterThan(long after, io.micronaut.data.model.Pageable page);

    /** The highest unit seq (0 for none); units are never deleted, so an index's cursor is at most this. */
    @Query("SELECT COALESCE(MAX(seq), 0) FROM tm_unit")
    long maxSeq();
}
