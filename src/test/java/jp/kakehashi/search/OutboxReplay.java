package jp.kakehashi.search;

import io.micronaut.context.BeanContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jp.kakehashi.index.IndexStore;
import jp.kakehashi.system.KakehashiConfig;

/**
 * A second follower of the same MariaDB, as another service instance would be: its own index under
 * {@code dir}, empty and committed at outbox seq 0, so it replays the whole outbox through the
 * production catch-up (not a rebuild). Started when returned; the caller closes it.
 */
final class OutboxReplay {
    private OutboxReplay() {
    }

    static SearchIndex start(BeanContext ctx, Path dir, Duration commitEvery, Duration backlogCommitEvery)
            throws IOException {
        SearchAnalyzers analyzers = ctx.getBean(SearchAnalyzers.class);
        try (IndexStore empty = IndexStore.open(dir.resolve("index"), analyzers.indexAnalyzer())) {
            empty.commit(Map.of(SearchIndex.OUTBOX, "0", IndexStore.ANALYZERS, analyzers.hash()));
        }
        return resume(ctx, dir, commitEvery, backlogCommitEvery);
    }

    /** A follower on the index {@code dir} already holds, resuming from its last commit. */
    static SearchIndex resume(BeanContext ctx, Path dir, Duration commitEvery, Duration backlogCommitEvery) {
        SearchAnalyzers analyzers = ctx.getBean(SearchAnalyzers.class);
        KakehashiConfig config = new KakehashiConfig();
        config.setDataDir(dir);
        // no merge once quiet: the replays measured and checked are of the outbox alone
        SearchIndex follower = new SearchIndex(ctx.getBean(PairLoader.class), analyzers, config,
                ctx.getBean(jp.kakehashi.index.CommitOrder.class),
                Duration.ofMillis(20), commitEvery, backlogCommitEvery, 0, Duration.ofSeconds(10));
        follower.onApplicationEvent(null);
        return follower;
    }
}
