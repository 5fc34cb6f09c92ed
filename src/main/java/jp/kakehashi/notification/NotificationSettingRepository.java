package jp.kakehashi.notification;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface NotificationSettingRepository extends GenericRepository<NotificationSetting, Long> {
    Optional<NotificationSetting> findById(long userId);

    NotificationSetting save(NotificationSetting s);

    NotificationSetting update(NotificationSetting s);
}
