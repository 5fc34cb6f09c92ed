package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link SearchGate}: at most its number of searches at once, the rest served in arrival order. */
class SearchGateTest {
    @Test
    void byDefaultAsManySearchesRunAtOnceAsThereAreCores() {
        assertEquals(Runtime.getRuntime().availableProcessors(), new SearchGate(0).available());
        assertEquals(3, new SearchGate(3).available());
    }

    @Test
    void neverMoreSearchesRunAtOnceThanTheGateAllows() throws Exception {
        SearchGate gate = new SearchGate(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> searches = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                searches.add(pool.submit(() -> gate.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    busy(2);
                    running.decrementAndGet();
                    return 1;
                })));
            }
            for (Future<Integer> f : searches) {
                assertEquals(1, f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, most.get(), "two at once, never more (and the 16 threads did overlap)");
        assertEquals(2, gate.available());
    }

    @Test
    void waitingSearchesRunInTheOrderTheyArrived() throws Exception {
        SearchGate gate = new SearchGate(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<?> first = pool.submit(() -> gate.run(() -> {
                holding.countDown();
                await(release);
                return order.add("first");
            }));
            holding.await(10, TimeUnit.SECONDS);
            List<Future<?>> queued = new ArrayList<>();
            for (String name : List.of("a", "b", "c", "d")) {
                int before = gate.waiting();
                queued.add(pool.submit(() -> gate.run(() -> order.add(name))));
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (gate.waiting() == before && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            assertEquals(4, gate.waiting());
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> f : queued) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("first", "a", "b", "c", "d"), order);
    }

    @Test
    void aSearchThatFailsGivesItsTurnBack() {
        SearchGate gate = new SearchGate(1);
        assertThrows(IllegalStateException.class, () -> gate.run(() -> {
            throw new IllegalStateException("index closed");
        }));
        assertEquals(1, gate.available());
        assertEquals("next", gate.run(() -> "next"));
    }

    private static void busy(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
