package jp.kakehashi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.support.ServiceTest;
import org.junit.jupiter.api.Test;

/**
 * Controllers ({@code @ExecuteOn(BLOCKING)}) run on a bounded pool of platform threads, as
 * {@code application.yml} configures it: on virtual threads, requests waited seconds for a carrier
 * when both cores were busy (src/bench/RESULTS.md, run F).
 */
@MicronautTest(transactional = false)
class BlockingExecutorTest extends ServiceTest {
    @Inject
    @Named(TaskExecutors.BLOCKING)
    ExecutorService blocking;

    @Test
    void controllersRunOnSixtyFourPlatformThreadsAndTheRestWait() throws Exception {
        Set<Thread> running = ConcurrentHashMap.newKeySet();
        CountDownLatch sixtyFour = new CountDownLatch(64);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        try {
            for (int i = 0; i < 65; i++) {
                tasks.add(blocking.submit(() -> {
                    running.add(Thread.currentThread());
                    sixtyFour.countDown();
                    release.await();
                    return null;
                }));
            }
            assertTrue(sixtyFour.await(10, TimeUnit.SECONDS), "64 tasks did not run at once");
            Thread.sleep(300); // an unbounded executor would have started the 65th by now
            assertEquals(64, running.size());
            assertTrue(running.stream().noneMatch(Thread::isVirtual), "a virtual thread ran a task");
        } finally {
            release.countDown();
        }
        for (Future<?> task : tasks) {
            task.get(10, TimeUnit.SECONDS);
        }
        assertEquals(64, running.size(), "the 65th task reuses one of the 64 threads");
    }
}
