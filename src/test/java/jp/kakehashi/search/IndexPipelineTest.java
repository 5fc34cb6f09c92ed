package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline on MariaDB's pairs: every pair written once, positions in order, failures whole. */
@MicronautTest(transactional = false)
class IndexPipelineTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    PairLoader loader;
    @Inject
    DataSource dataSource;

    @BeforeAll
    void enoughPairsForSeveralBatches() {
        Http editor = new Staffing(new Http(server, json)).editor("SYD").http();
        long pairs = new Db(dataSource).count("SELECT COUNT(*) FROM doc_pair");
        for (long p = pairs; p < 3L * IndexPipeline.BATCH; p += 200) {
            Fixtures.bulletin(editor, "SYD", 200, p % 400 == 0);
        }
    }

    @Test
    void everyPairIsWrittenOnceFromTwoThreadsAndPositionsArriveInOrder() throws Exception {
        List<Long> expected = new Db(dataSource).rows("SELECT id FROM doc_pair ORDER BY id").stream()
                .map(r -> ((Number) r[0]).longValue()).toList();
        List<Long> written = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = Collections.synchronizedSet(new HashSet<>());
        List<Long> positions = new ArrayList<>();
        try (IndexPipeline pipeline = new IndexPipeline(loader)) {
            IndexPipeline.Filled filled = pipeline.run(0, pipeline.allPairs(), (id, docs) -> {
                assertTrue(!docs.isEmpty(), "an existing pair has its staff document");
                written.add(id);
                threads.add(Thread.currentThread().getName());
            }, positions::add);
            assertEquals(expected.size(), filled.pairs());
            assertEquals(expected.getLast(), filled.position());
        }
        assertEquals(expected, written.stream().sorted().toList(), "each pair once");
        assertEquals(positions.stream().sorted().distinct().toList(), positions, "positions only go forward");
        assertEquals(expected.getLast(), positions.getLast());
        assertEquals(2, threads.size(), "analysed on two threads: " + threads);
    }

    @Test
    void aFailedWriteFailsTheRunOnlyAfterEveryOtherWriteOfItHasEnded() throws Exception {
        // In the first batch's last chunk: the second batch's writes are under way when it fails.
        long failing = new Db(dataSource).count("SELECT id FROM doc_pair ORDER BY id LIMIT 1 OFFSET ?",
                IndexPipeline.BATCH - 10);
        AtomicInteger running = new AtomicInteger();
        List<Long> positions = new ArrayList<>();
        try (IndexPipeline pipeline = new IndexPipeline(loader)) {
            IOException failure = assertThrows(IOException.class, () -> pipeline.run(0, pipeline.allPairs(),
                    (id, docs) -> {
                        running.incrementAndGet();
                        try {
                            if (id == failing) {
                                throw new IOException("disk full");
                            }
                            Thread.sleep(2); // long enough for the next batch's writes to be under way
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            running.decrementAndGet();
                        }
                    }, positions::add));
            assertEquals("disk full", failure.getMessage());
            assertEquals(0, running.get(), "no write outlives the run that failed");
            assertEquals(List.of(), positions, "the failed batch and what follows it are never reported applied");
        }
    }
}
