package jp.kakehashi.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * One application context of the service starts at a time in a test JVM. Test classes run side by
 * side, and contexts started at the same moment sometimes came up without their scheduled jobs
 * (the lease sweep of one never ran); Micronaut 4 does not promise more. Only the start is
 * serialised: the contexts then run, and are tested, side by side.
 */
public final class ContextStarts {
    private static final Semaphore ONE = new Semaphore(1);

    private ContextStarts() {
    }

    /** {@code ApplicationContext.run(EmbeddedServer.class, …)}, one start at a time. */
    public static EmbeddedServer server(Map<String, Object> properties, String... environments) {
        ONE.acquireUninterruptibly();
        try {
            return ApplicationContext.run(EmbeddedServer.class, properties, environments);
        } finally {
            ONE.release();
        }
    }

    static void begin() {
        ONE.acquireUninterruptibly();
    }

    static void end() {
        ONE.release();
    }
}
