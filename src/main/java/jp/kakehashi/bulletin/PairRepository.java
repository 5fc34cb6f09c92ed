package jp.kakehashi.bulletin;

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

    List<Pair> findByAssigneeIdAndStatus(Long assigneeId, PairStatus status);

    List<Pair> findByAssigneeIdAndStatusInOrderById(Long assigneeId, List<PairStatus> statuses);

    /** Work lists of the pages: bounded by the pageable. */
    io.micronaut.data.model.Page<Pair> findByOfficeCodeInAndStatusIn(List<String> offices, List<PairStatus> statuses,
                                                                     io.micronaut.data.model.Pageable pageable);
}
