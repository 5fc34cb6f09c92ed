package jp.kakehashi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * docs/design/consistency.md: user text in a log line cannot forge another line or drive the operator's
 * terminal. Paths, usernames and keys reach log messages; the packaged logback.xml's pattern turns
 * every control character and Unicode line break in a message into a space.
 */
class LogLinesTest {
    @Test
    void controlCharactersAndLineBreaksInAMessageBecomeSpaces() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        Encoder<ch.qos.logback.classic.spi.ILoggingEvent> encoder =
                ((OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent>) root.getAppender("STDOUT")).getEncoder();
        String forged = "/api/v1/pairs/1\r\n12:00:00.000 INFO  admin granted\u001b[2J\u0085\u2028\u2029\u009b31m\u0007東京";
        LoggingEvent event = new LoggingEvent(LogLinesTest.class.getName(), root, Level.WARN,
                "Duplicate key for POST {}: {}", null, new Object[] {forged, "uk_x"});

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertEquals(1, line.split("\n", -1).length - 1, "one line: " + line);
        assertTrue(line.endsWith("/api/v1/pairs/1  12:00:00.000 INFO  admin granted [2J    31m 東京: uk_x\n"), line);
        assertTrue(line.chars().filter(c -> c != '\n').noneMatch(c -> Character.getType(c) == Character.CONTROL
                || c == '\u2028' || c == '\u2029'), line);
    }
}
