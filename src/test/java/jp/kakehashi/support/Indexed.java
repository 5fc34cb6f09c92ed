package jp.kakehashi.support;

import io.micronaut.context.BeanContext;
import java.time.Duration;
import jp.kakehashi.search.IndexConsistencyTest;
import jp.kakehashi.search.SearchIndex;

/**
 * Waits until a service's search index holds every change committed before the call: the demo
 * content, written while the server starts, or a test's own writes. Answering 200, or finding one
 * demo pair, does not say the rest is in: the follower applies the outbox in batches.
 */
public final class Indexed {
    private Indexed() {
    }

    public static void caughtUp(BeanContext ctx) throws InterruptedException {
        long head = IndexConsistencyTest.outboxHead(ctx);
        SearchIndex index = ctx.getBean(SearchIndex.class);
        Await.until("the search index at outbox seq " + head, Duration.ofSeconds(60),
                () -> index.appliedOutboxId() >= head);
    }
}
