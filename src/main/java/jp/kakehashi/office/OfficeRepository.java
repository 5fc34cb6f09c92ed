package jp.kakehashi.office;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OfficeRepository extends CrudRepository<Office, String> {
    List<Office> findAllOrderByCode();
}
