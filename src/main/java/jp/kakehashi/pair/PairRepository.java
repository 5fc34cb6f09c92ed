package jp.kakehashi.pair;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PairRepository extends CrudRepository<Pair, Long> {
    List<Pair> findByBulletinIdOrderByPosition(Long bulletinId);

    /** Claims whose lease ran out, oldest first, for the scheduler. */
    List<Pair> findByStatusAndLeaseExpiresAtLessThanOrderByLeaseExpiresAt(PairStatus status, Instant now);

    List<Pair> findByLeaseAssigneeIdAndStatus(Long assigneeId, PairStatus status);

    List<Pair> findByLeaseAssigneeIdAndStatusInOrderById(Long assigneeId, List<PairStatus> statuses);

    /**
     * Whether readers may see the pair: its source was released (with the source edition or the whole
     * bulletin) and its bulletin still is public.
     */
    @Query("SELECT COUNT(*) > 0 FROM doc_pair p JOIN bulletin b ON b.id = p.bulletin_id "
            + "WHERE p.id = :id AND p.released_source_revision IS NOT NULL"
            + " AND b.state IN ('SOURCE_RELEASED', 'RELEASED')")
    boolean isPublic(long id);

    /** Work lists of the pages: bounded by the pageable. */
    io.micronaut.data.model.Page<Pair> findByOfficeCodeInAndStatusIn(List<String> offices, List<PairStatus> statuses,
                                                                     io.micronaut.data.model.Pageable pageable);
}
