package jp.kakehashi.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface UserRepository extends CrudRepository<User, Long> {
    Optional<User> findByUsername(String username);

    /**
     * The active administrators as last committed, locked until the transaction ends: two admins
     * removing each other at once take turns, and the second sees the first's change.
     */
    @Query("SELECT * FROM app_user WHERE active = TRUE AND FIND_IN_SET('ADMIN', roles) > 0 ORDER BY id FOR UPDATE")
    List<User> lockActiveAdmins();
}
