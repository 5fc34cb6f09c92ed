package jp.kakehashi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repeated warnings and errors through a real logback context with the filter installed. */
class RepeatedLinesTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> written = new ListAppender<>();
    private Logger database;

    @BeforeEach
    void setUp() {
        RepeatedLines filter = new RepeatedLines(now::get);
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
        written.setContext(context);
        written.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(written);
        database = context.getLogger("jp.kakehashi.database.DatabaseOutages");
    }

    private List<String> lines() {
        return written.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aThousandIdenticalErrorsInAMinuteWriteOneLine() {
        for (int i = 0; i < 1_000; i++) {
            database.error("Database unavailable: {}", "Connection refused " + i);
            now.addAndGet(50);
        }
        assertEquals(List.of("Database unavailable: Connection refused 0"), lines());
    }

    @Test
    void theFirstLineAfterTheWindowSaysHowManyWereLeftOut() {
        for (int i = 0; i < 58; i++) {
            database.warn("Database unavailable: {}", "down");
        }
        now.addAndGet(60_000);
        database.warn("Database unavailable: {}", "still down");
        assertEquals(List.of("Database unavailable: down",
                "57 more of \"Database unavailable: {}\" (jp.kakehashi.database.DatabaseOutages) in the 60 s before this",
                "Database unavailable: still down"), lines());
    }

    @Test
    void otherKindsInfoLinesAndTheAuditLogPassUntouched() {
        Logger audit = context.getLogger("kakehashi.audit");
        for (int i = 0; i < 3; i++) {
            database.error("one kind");
            database.error("another kind");
            database.info("an info line");
            audit.warn("sign_in_failed user={}", "x");
        }
        assertEquals(List.of("one kind", "another kind", "an info line", "sign_in_failed user=x", "an info line",
                "sign_in_failed user=x", "an info line", "sign_in_failed user=x"), lines());
    }
}
