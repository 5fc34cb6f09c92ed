package jp.kakehashi.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kakehashi.bulletin.CreateBulletinCommand;
import jp.kakehashi.index.IndexStore;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;

/**
 * The raw Lucene leg of {@link SearchBench}: the corpus from memory straight into an
 * {@code IndexWriter} with the service's analyzers, fields and writer settings, one commit at the end;
 * no MariaDB, no outbox, no pipeline. On one thread it is the reference of the targets; on as many
 * threads as the service's pipeline analyses with, it is what this machine gives two threads at best.
 */
final class RawLuceneLeg {
    private RawLuceneLeg() {
    }

    /** Nanoseconds to index every pair of {@code corpus} into {@code dir} on {@code threads} threads. */
    static long index(List<CreateBulletinCommand> corpus, SearchAnalyzers analyzers, Path dir, int threads)
            throws Exception {
        List<PairDocument> docs = GeneratedIndex.documents(corpus, "SUBMITTED", id -> PairDocument.STAFF);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (var directory = FSDirectory.open(dir);
             var writer = new IndexWriter(directory, IndexStore.config(analyzers.indexAnalyzer()))) {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> add(docs, next, writer, analyzers)));
            }
            for (Future<?> f : running) {
                f.get();
            }
            writer.commit();
        } finally {
            pool.shutdown();
        }
        return System.nanoTime() - start;
    }

    private static Void add(List<PairDocument> docs, AtomicInteger next, IndexWriter writer,
                            SearchAnalyzers analyzers) throws IOException {
        for (int i = next.getAndIncrement(); i < docs.size(); i = next.getAndIncrement()) {
            writer.addDocument(docs.get(i).toDocument(analyzers.sharing()));
        }
        return null;
    }
}
