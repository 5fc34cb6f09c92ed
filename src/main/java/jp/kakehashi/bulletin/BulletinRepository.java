package jp.kakehashi.bulletin;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface BulletinRepository extends CrudRepository<Bulletin, Long> {
    Optional<Bulletin> findByDedupKey(String dedupKey);

    Page<Bulletin> findAll(Pageable pageable);

    Page<Bulletin> findByState(Bulletin.BulletinState state, Pageable pageable);
}
