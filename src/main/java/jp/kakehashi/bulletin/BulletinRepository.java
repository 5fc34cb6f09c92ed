package jp.kakehashi.bulletin;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface BulletinRepository extends CrudRepository<Bulletin, Long> {
    Optional<Bulletin> findByDedupKey(String dedupKey);

    /** Locks the bulletin row: releases and retractions of one bulletin run one after another. */
    @Query("SELECT * FROM bulletin WHERE id = :id FOR UPDATE")
    Optional<Bulletin> lockById(long id);

    Page<Bulletin> findAll(Pageable pageable);

    Page<Bulletin> findByState(Bulletin.BulletinState state, Pageable pageable);

    /** The items (current source revision) of every bulletin published on {@code date}. */
    @Query("""
            SELECT p.bulletin_id AS bulletin_id, p.office_code AS office_code, s.title AS title, s.body AS body
            FROM bulletin b JOIN doc_pair p ON p.bulletin_id = b.id
            JOIN source_revision s ON s.pair_id = p.id AND s.revision = p.source_revision
            WHERE b.published_on = :date""")
    List<ItemOnDay> findItemsPublishedOn(LocalDate date);
}
