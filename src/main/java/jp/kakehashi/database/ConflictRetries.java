package jp.kakehashi.database;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that lost a lock conflict are run again, up to {@link #ATTEMPTS} times, before the client
 * hears 409. On one MariaDB that is a deadlock victim (1213); on Galera it is also every
 * certification failure, which the node reports as 1213 at commit: two nodes
 * changing one row at once is ordinary there (two editors approving pairs of one bulletin), and the
 * loser's client should not see it. InnoDB and Galera roll the losing transaction back whole, so a
 * second run starts from nothing and cannot write anything twice; this holds only at the outermost
 * transaction, so inside one (a caller's) the conflict is passed up for the caller's own retry.
 * Waits are short and jittered (≈ 10, 20, 40 ms) so that two losers do not meet again.
 */
@Context // its counter exists from the start: a dashboard shows 0, not "no data"
@InterceptorBean(RetryOnConflict.class)
public class ConflictRetries implements MethodInterceptor<Object, Object> {
    static final int ATTEMPTS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ConflictRetries.class);
    private final TransactionOperations<Connection> tx;
    private final Counter retries;

    ConflictRetries(TransactionOperations<Connection> tx, MeterRegistry registry) {
        this.tx = tx;
        this.retries = Counter.builder("kakehashi.write.retries")
                .description("Write transactions run again after losing a lock conflict or a Galera certification")
                .register(registry);
    }

    @Override
    public int getOrder() {
        return InterceptPhase.RETRY.getPosition();
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        return run(() -> context.proceed(this), context.getMethodName());
    }

    /** {@code work} in a write transaction (a caller's, or one of its own that is run again as above). */
    public <T> T write(String what, Supplier<T> work) {
        return run(() -> tx.executeWrite(status -> work.get()), what);
    }

    /** Runs {@code write} (which opens its own transaction) until it does not lose a lock conflict. */
    public <T> T run(Supplier<T> write, String what) {
        if (tx.findTransactionStatus().isPresent()) {
            return write.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !DatabaseExceptions.isDeadlock(e)) {
                    throw e;
                }
                retries.increment();
                LOG.debug("{} lost a lock conflict (attempt {}); running it again", what, attempt);
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        long base = 5L << attempt;
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts", e);
        }
    }
}
