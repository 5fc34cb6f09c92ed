package jp.kakehashi.notification;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface NotificationRepository extends GenericRepository<Notification, Long> {
    Notification save(Notification n);

    @Query("SELECT * FROM notification WHERE user_id = :userId ORDER BY id DESC LIMIT :limit")
    List<Notification> newest(long userId, int limit);

    @Query("SELECT * FROM notification WHERE user_id = :userId AND read_at IS NULL ORDER BY id DESC LIMIT :limit")
    List<Notification> newestUnread(long userId, int limit);

    long countByUserIdAndReadAtIsNull(long userId);

    boolean existsByUserIdAndDedupKey(long userId, String dedupKey);

    @Query("SELECT DISTINCT user_id FROM notification WHERE digest_pending = TRUE")
    List<Long> digestOwners();

    @Query("SELECT COUNT(*) FROM notification WHERE user_id = :userId AND digest_pending = TRUE")
    long countPendingDigest(long userId);

    @Query("SELECT * FROM notification WHERE user_id = :userId AND digest_pending = TRUE ORDER BY id LIMIT :limit")
    List<Notification> digest(long userId, int limit);

    @Query("UPDATE notification SET digest_pending = FALSE, version = version + 1 WHERE user_id = :userId"
            + " AND digest_pending = TRUE AND id <= :upTo")
    void digested(long userId, long upTo);

    @Query("UPDATE notification SET read_at = :now, version = version + 1 WHERE user_id = :userId AND id <= :upTo"
            + " AND read_at IS NULL")
    void markRead(long userId, long upTo, Instant now);
}
