package jp.kakehashi.search;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets as many searches work at once as there are cores; the others wait their turn, first come
 * first served. A search is CPU work from start to end (the index is memory-mapped, the token check is
 * done before), so more searches at once than cores only share the cores: with the blocking pool's 64
 * threads, sixteen concurrent searches on two cores each took eight times as long and a slow query
 * held up every other one. Served in order instead, a request waits for the ones ahead of it and then runs
 * at full speed, which shortens the tail at the same throughput (src/bench/RESULTS.md, HTTP, session 13).
 * {@code kakehashi.search.concurrency} overrides the number; 0 means one per core.
 */
@Singleton
class SearchGate {
    private final Semaphore permits;

    SearchGate(@Value("${kakehashi.search.concurrency:0}") int concurrency) {
        int n = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(n, true);
    }

    <T> T run(Supplier<T> search) {
        permits.acquireUninterruptibly();
        try {
            return search.get();
        } finally {
            permits.release();
        }
    }

    int available() {
        return permits.availablePermits();
    }

    int waiting() {
        return permits.getQueueLength();
    }
}
