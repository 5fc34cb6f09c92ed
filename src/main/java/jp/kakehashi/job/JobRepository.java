package jp.kakehashi.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JobRepository extends GenericRepository<Job, Long> {
    Job save(Job job);

    Optional<Job> findById(Long id);

    /** The newest first, at most {@code limit}: the admin page's list. */
    @Query("SELECT * FROM job ORDER BY id DESC LIMIT :limit")
    List<Job> newest(int limit);

    /** A live job's heartbeat: its progress, written by the instance that runs it. */
    @Query("UPDATE job SET state = :state, total = :total, done = :done, started_at = :startedAt,"
            + " updated_at = :now WHERE id = :id AND state IN ('QUEUED', 'RUNNING')")
    void progress(long id, String state, @Nullable Long total, long done, @Nullable Instant startedAt, Instant now);

    @Query("UPDATE job SET state = :state, total = :total, done = :done, error_code = :errorCode,"
            + " error_detail = :errorDetail, result = :result, started_at = :startedAt, updated_at = :now,"
            + " finished_at = :now, version = version + 1 WHERE id = :id")
    void finish(long id, String state, @Nullable Long total, long done, @Nullable String errorCode,
                @Nullable String errorDetail, @Nullable String result, @Nullable Instant startedAt, Instant now);
}
