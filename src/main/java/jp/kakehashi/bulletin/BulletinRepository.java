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

    Page<Bulletin> findByStateIn(List<Bulletin.BulletinState> states, Pageable pageable);

    /** Withdrawal deletes a bulletin's rows child tables first; see {@link BulletinWithdrawal}. */
    @Query("DELETE q FROM qa_acknowledgement q JOIN doc_pair p ON p.id = q.pair_id WHERE p.bulletin_id = :id")
    void deleteAcknowledgementsOf(long id);

    @Query("DELETE t FROM target_revision t JOIN doc_pair p ON p.id = t.pair_id WHERE p.bulletin_id = :id")
    void deleteTargetRevisionsOf(long id);

    @Query("DELETE s FROM source_revision s JOIN doc_pair p ON p.id = s.pair_id WHERE p.bulletin_id = :id")
    void deleteSourceRevisionsOf(long id);

    @Query("DELETE FROM doc_pair WHERE bulletin_id = :id")
    void deletePairsOf(long id);

    @Query("SELECT COUNT(*) FROM tm_unit u JOIN doc_pair p ON p.id = u.pair_id WHERE p.bulletin_id = :id")
    long countMemoryUnitsOf(long id);

    /** The items (current source revision) of every bulletin published on {@code date}. */
    @Query("""
            SELECT p.bulletin_id AS bulletin_id, p.office_code AS office_code, s.title AS title, s.body AS body
            FROM bulletin b JOIN doc_pair p ON p.bulletin_id = b.id
            JOIN source_revision s ON s.pair_id = p.id AND s.revision = p.source_revision
            WHERE b.published_on = :date""")
    List<ItemOnDay> findItemsPublishedOn(LocalDate date);
}
