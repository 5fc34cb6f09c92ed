package jp.kakehashi.database;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import jp.kakehashi.http.Problems;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line: anything unexpected. A lost database is the common case and the client can retry
 * it (503 + Retry-After); everything else is logged under an id the client sees, never the trace.
 */
@Singleton
@Produces
public final class DatabaseExceptions implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExceptions.class);
    private final Problems problems;
    private final DatabaseOutages outages;

    DatabaseExceptions(Problems problems, DatabaseOutages outages) {
        this.problems = problems;
        this.outages = outages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        Optional<ApiException> meaning = meaning(exception);
        if (meaning.isEmpty()) {
            String id = UUID.randomUUID().toString();
            LOG.error("Unexpected error {} for {} {}", id, request.getMethod(), request.getPath(), exception);
            return problems.response(request, ErrorCode.INTERNAL, null, Map.of("errorId", id));
        }
        if (meaning.get().code() == ErrorCode.DATABASE_UNAVAILABLE) {
            outages.failed(rootMessage(exception));
        } else if (isLockConflict(exception)) {
            LOG.info("Lock conflict for {} {}: {}", request.getMethod(), request.getPath(), rootMessage(exception));
        } else if (meaning.get().code() == ErrorCode.CONFLICT && isUniqueViolation(exception, "")) {
            LOG.warn("Duplicate key for {} {}: {}", request.getMethod(), request.getPath(), rootMessage(exception));
        }
        return problems.response(request, meaning.get().code(), meaning.get().getMessage(), meaning.get().extensions());
    }

    /**
     * What a database failure means to whoever asked for the work, a client or the owner of a job
     * ({@code job/Jobs}); empty for anything else, which is unexpected.
     */
    public static Optional<ApiException> meaning(Throwable exception) {
        if (isDatabaseUnavailable(exception)) {
            return Optional.of(new ApiException(ErrorCode.DATABASE_UNAVAILABLE, null));
        }
        if (isUniqueViolation(exception, "uk_bulletin_dedup")) {
            // Two imports of one bulletin raced past the pre-check; the unique key decided.
            return problem(ErrorCode.DUPLICATE_BULLETIN, "A bulletin with the same date and item titles exists");
        }
        if (isUniqueViolation(exception, "uk_user_username")) {
            return problem(ErrorCode.USERNAME_TAKEN, "This username is taken");
        }
        if (isUniqueViolation(exception, "uk_glossary_term")) {
            // Two imports (or creates) of one term raced past the look-up; the whole file was rolled back.
            return problem(ErrorCode.TERM_EXISTS, "The same term was added meanwhile; nothing was written");
        }
        if (isUniqueViolation(exception, "uk_qa_ack")) {
            return problem(ErrorCode.ALREADY_ACKNOWLEDGED, "Someone acknowledged this warning meanwhile");
        }
        if (isUniqueViolation(exception, "")) {
            // Any other key two transactions both inserted: the other won, this one was rolled back.
            return problem(ErrorCode.CONFLICT, "A concurrent change won; nothing was written");
        }
        if (isLostUpdate(exception)) {
            // A version-conditional UPDATE matched no row: someone changed the record since it was
            // read in this transaction, which was rolled back whole.
            return problem(ErrorCode.CONFLICT,
                    "Someone else changed this meanwhile; nothing was written. Read it again and retry");
        }
        if (isLockConflict(exception)) {
            // InnoDB chose this transaction as a deadlock victim (or it waited too long): it was rolled
            // back whole, so the client may simply retry.
            return Optional.of(new ApiException(ErrorCode.CONFLICT, "A concurrent change won; nothing was written, retry")
                    .with(Problems.RETRY_AFTER, 1L));
        }
        return Optional.empty();
    }

    private static Optional<ApiException> problem(ErrorCode code, String detail) {
        return Optional.of(new ApiException(code, detail));
    }

    public static boolean isDatabaseUnavailable(Throwable t) {
        return anyCause(t, c -> c instanceof SQLTransientConnectionException
                || c instanceof SQLNonTransientConnectionException || c instanceof ConnectException
                || c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                // Micronaut Data could not even prepare a pooled connection (it was closed under it).
                || c instanceof io.micronaut.data.connection.exceptions.ConnectionException
                || c.getClass().getSimpleName().equals("CannotCreateTransactionException"));
    }

    static boolean isLostUpdate(Throwable t) {
        return anyCause(t, OptimisticLockException.class::isInstance);
    }

    /** Deadlock victim (1213, SQLSTATE 40001) or lock wait timeout (1205). */
    public static boolean isLockConflict(Throwable t) {
        return anyCause(t, c -> c instanceof SQLException sql && ("40001".equals(sql.getSQLState())
                || sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205));
    }

    /**
     * A deadlock victim or, on Galera, a certification failure (both 1213, SQLSTATE 40001): the
     * transaction was rolled back whole. Not a lock wait timeout (1205), which a retry would only
     * make the client wait out again.
     */
    public static boolean isDeadlock(Throwable t) {
        return anyCause(t, c -> c instanceof SQLException sql && ("40001".equals(sql.getSQLState())
                || sql.getErrorCode() == 1213));
    }

    /** A duplicate entry (1062) for the named unique key; any unique key when {@code key} is empty. */
    static boolean isUniqueViolation(Throwable t, String key) {
        return anyCause(t, c -> c instanceof SQLException sql && sql.getErrorCode() == 1062
                && sql.getMessage() != null && sql.getMessage().contains(key));
    }

    private static boolean anyCause(Throwable t, Predicate<Throwable> test) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (test.test(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }
}
