package jp.kakehashi.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.kakehashi.job.Job;
import jp.kakehashi.job.Progress;
import jp.kakehashi.support.Await;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Wakes after commits coalesce into few ticks, and none is lost: whatever was written before a wake
 * is applied by a tick that starts after it. The follower polls once an hour here, so only wakes
 * can bring it up to date.
 */
class IndexFollowerWakeTest {
    static final Duration BOUND = Duration.ofSeconds(10);

    /** Follows a counter: rows 1..last, each catch-up applies all of them. */
    private static final class Counter extends IndexFollower {
        final AtomicLong last = new AtomicLong();
        final AtomicInteger catchUps = new AtomicInteger();

        Counter(Path dir) {
            super(LoggerFactory.getLogger(IndexFollowerWakeTest.class), "test index", "test-indexer",
                    dir.resolve("index"), "cursor", new StandardAnalyzer(), "hash", Duration.ofHours(1),
                    Duration.ofSeconds(1));
        }

        @Override
        public Source source() {
            return new Source("test", "none", Job.Kind.SEARCH_REBUILD);
        }

        @Override
        protected Range range() {
            return new Range(0, last.get());
        }

        @Override
        protected long fill(IndexStore fresh, Progress progress) {
            return last.get();
        }

        @Override
        protected void catchUp(IndexStore target) throws IOException {
            catchUps.incrementAndGet();
            long upTo = last.get();
            if (upTo > cursor()) {
                advance(target, upTo);
            }
        }
    }

    private static Counter started() throws Exception {
        Counter c = new Counter(Files.createTempDirectory("wake"));
        c.start();
        Await.until("the first build", BOUND, () -> c.appliedUpTo() >= 0);
        return c;
    }

    @Test
    void aBurstOfWakesIsAppliedByAFewTicksAndNoneIsLost() throws Exception {
        try (Counter follower = started()) {
            int before = follower.catchUps.get();
            for (int i = 0; i < 200; i++) {
                follower.last.incrementAndGet();
                follower.wake();
            }
            Await.until("all 200 rows applied", BOUND, () -> follower.appliedUpTo() == 200);
            int ticks = follower.catchUps.get() - before;
            assertTrue(ticks <= 5, "200 wakes in a burst made " + ticks + " ticks");
        }
    }

    @Test
    void wakesSpreadOverTimeTickAtMostEveryHundredMillisecondsAndTheLastRowIsApplied() throws Exception {
        try (Counter follower = started()) {
            int before = follower.catchUps.get();
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                follower.last.incrementAndGet();
                follower.wake();
                Thread.sleep(10);
            }
            Await.until("all 50 rows applied", BOUND, () -> follower.appliedUpTo() == 50);
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int ticks = follower.catchUps.get() - before;
            assertTrue(ticks <= elapsedMs / 100 + 2, ticks + " ticks in " + elapsedMs + " ms");
            assertTrue(ticks >= 2, "a wake while a tick was spaced out was not dropped: " + ticks + " ticks");
            assertEquals(50, follower.appliedUpTo());
        }
    }
}
