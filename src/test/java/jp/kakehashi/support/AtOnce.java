package jp.kakehashi.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Races: n requests on their own (virtual) threads, released together, answers in request order. */
public final class AtOnce {
    private AtOnce() {
    }

    public static List<Http.Response> send(int n, IntFunction<Http.Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.apply(k);
                }));
            }
            start.countDown();
            List<Http.Response> result = new ArrayList<>();
            for (Future<Http.Response> a : answers) {
                result.add(a.get());
            }
            return result;
        }
    }
}
