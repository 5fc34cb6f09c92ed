package jp.kakehashi.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Marker;

/**
 * Repeated warnings and errors at most once a window (a minute unless configured): the first line of
 * a kind (same logger, same message pattern) is written, the same kind again within the window is
 * counted instead, and the first line after the window says how many were left out
 * ({@code kakehashi.repeated}: "57 more of …"). A dead database once wrote 1,228 lines in 19 minutes,
 * which buried the one line that said what had happened. Info and below pass untouched; so does the
 * audit log, whose every line is a record.
 */
public class RepeatedLines extends TurboFilter {
    static final String SUMMARY = "kakehashi.repeated";
    private static final int MAX_KINDS = 1_000;
    private final Map<String, Window> kinds = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private long windowMillis = 60_000;

    public RepeatedLines() {
        this(System::currentTimeMillis);
    }

    RepeatedLines(LongSupplier clock) {
        this.clock = clock;
    }

    /** logback configuration: {@code <windowSeconds>60</windowSeconds>}. */
    public void setWindowSeconds(int seconds) {
        this.windowMillis = seconds * 1000L;
    }

    private static final class Window {
        final long start;
        int left;

        Window(long start) {
            this.start = start;
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || format == null || !logger.isEnabledFor(level)
                || logger.getName().equals(SUMMARY) || logger.getName().startsWith("kakehashi.audit")) {
            return FilterReply.NEUTRAL;
        }
        if (kinds.size() > MAX_KINDS) {
            kinds.clear();
        }
        long now = clock.getAsLong();
        // -1: counted in the open window; else how many the window that just ended left out
        int[] outcome = {0};
        kinds.compute(logger.getName() + '\u0000' + format, (k, w) -> {
            if (w != null && now - w.start < windowMillis) {
                w.left++;
                outcome[0] = -1;
                return w;
            }
            outcome[0] = w == null ? 0 : w.left;
            return new Window(now);
        });
        if (outcome[0] < 0) {
            return FilterReply.DENY;
        }
        if (outcome[0] > 0) {
            logger.getLoggerContext().getLogger(SUMMARY).warn("{} more of \"{}\" ({}) in the {} s before this", outcome[0],
                    format, logger.getName(), windowMillis / 1000);
        }
        return FilterReply.NEUTRAL;
    }
}
