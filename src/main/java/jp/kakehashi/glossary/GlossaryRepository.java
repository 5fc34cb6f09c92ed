package jp.kakehashi.glossary;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface GlossaryRepository extends CrudRepository<GlossaryTerm, Long> {
    Optional<GlossaryTerm> findByTermJaAndTermEnAndScope(String termJa, String termEn, String scope);

    List<GlossaryTerm> findAllOrderByTermJa();
}
