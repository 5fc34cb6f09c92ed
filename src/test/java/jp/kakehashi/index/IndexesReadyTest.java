package jp.kakehashi.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.job.Progress;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Readiness follows the indexes: down while one is being built with nothing to search yet, up once it answers. */
class IndexesReadyTest {

    /** A follower of an empty source whose first build waits for {@code gate}. */
    private static final class Gated extends IndexFollower {
        final CountDownLatch gate = new CountDownLatch(1);

        Gated(Path dir) {
            super(LoggerFactory.getLogger(IndexesReadyTest.class), "test index", "test-indexer", dir.resolve("index"),
                    "cursor", new StandardAnalyzer(), "hash", Duration.ofMillis(10), Duration.ofSeconds(1));
        }

        @Override
        public Source source() {
            return new Source("test", "none", jp.kakehashi.job.Job.Kind.SEARCH_REBUILD);
        }

        @Override
        protected Range range() {
            return new Range(0, 0);
        }

        @Override
        protected long fill(IndexStore fresh, Progress progress) throws IOException {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }

        @Override
        protected void catchUp(IndexStore target) {
        }
    }

    private static HealthResult result(IndexesReady ready) {
        return Mono.from(ready.getResult()).block();
    }

    @Test
    void anInstanceIsNotReadyWhileAnIndexIsFirstBuiltAndReadyOnceItAnswers() throws Exception {
        try (Gated follower = new Gated(Files.createTempDirectory("ready"))) {
            IndexesReady ready = new IndexesReady(List.of(follower));
            follower.start();
            HealthResult building = result(ready);
            assertEquals(HealthStatus.DOWN, building.getStatus());
            assertEquals(Map.of("building", List.of("test")), building.getDetails());

            follower.gate.countDown();
            Instant deadline = Instant.now().plusSeconds(30);
            while (result(ready).getStatus() != HealthStatus.UP && Instant.now().isBefore(deadline)) {
                Thread.sleep(10);
            }
            assertEquals(HealthStatus.UP, result(ready).getStatus());
            assertEquals(Map.of("building", List.of()), result(ready).getDetails());
        }
    }
}
