package jp.kakehashi.comment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CommentRepository extends GenericRepository<Comment, Long> {
    Comment save(Comment comment);

    Comment update(Comment comment);

    Optional<Comment> findById(Long id);

    List<Comment> findByPairIdOrderById(long pairId);

    long countByPairId(long pairId);
}
