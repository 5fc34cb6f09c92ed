package jp.kakehashi.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One Lucene index directory: its writer, a near-real-time searcher, and the commit user data that
 * ties it to MariaDB (the follower's cursor, and {@code analyzers} = the configuration hash).
 * Documents may come from several threads (IndexWriter takes them so); commits come from one
 * thread, the {@link IndexFollower}'s.
 */
public final class IndexStore implements AutoCloseable {
    public static final String ANALYZERS = "analyzers";
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private IndexStore(Path path, Analyzer analyzer) throws IOException {
        this.path = path;
        this.directory = FSDirectory.open(path);
        this.writer = new IndexWriter(directory, config(analyzer));
        this.searchers = new SearcherManager(writer, null);
    }

    /** How every index of the service writes (the benchmark's raw Lucene leg writes the same way). */
    public static IndexWriterConfig config(Analyzer analyzer) {
        return new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }

    public static IndexStore open(Path path, Analyzer analyzer) throws IOException {
        Files.createDirectories(path);
        return new IndexStore(path, analyzer);
    }

    /** The user data of the last commit, or empty when there is no readable index. */
    public static Optional<Map<String, String>> committed(Path path) {
        if (!Files.isDirectory(path)) {
            return Optional.empty();
        }
        try (Directory dir = FSDirectory.open(path)) {
            if (!DirectoryReader.indexExists(dir)) {
                return Optional.empty();
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                reader.maxDoc();
            }
            return Optional.of(data);
        } catch (IOException | RuntimeException corrupt) {
            return Optional.empty();
        }
    }

    /**
     * The documents replace the ones {@code id} names in one step (a searcher refreshed meanwhile sees
     * the old or the new, never neither); no documents: they are gone.
     */
    public void replace(Term id, List<Document> docs) throws IOException {
        if (docs.isEmpty()) {
            writer.deleteDocuments(id);
        } else {
            writer.updateDocuments(id, docs);
        }
    }

    /** For an index being built from nothing: no earlier version of a document can exist to delete. */
    public void add(List<Document> docs) throws IOException {
        for (Document d : docs) {
            writer.addDocument(d);
        }
    }

    /**
     * Merges the index into one segment. A rebuild leaves one segment per flush of the RAM buffer (ten
     * for 100k pairs), and a query looks up each of its terms and opens their postings in every
     * segment: on one segment the benchmark's query mix takes about a quarter less time, on average and
     * at p99, for a merge of seconds (src/bench/RESULTS.md, "Segments", and "Moved from code comments").
     * Later changes go to new small segments, which the merge policy folds in as
     * usual. Searches go on meanwhile on the current searcher; the caller commits (and so refreshes)
     * afterwards, and the old segments' files go when no searcher holds them any more.
     */
    public void mergeDown() throws IOException {
        writer.forceMerge(1);
    }

    /** Segments of the searcher in use. */
    public int segments() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().leaves().size();
        } finally {
            searchers.release(s);
        }
    }

    /** Adds the document or replaces the one {@code id} names. */
    public void update(Term id, Document doc) throws IOException {
        writer.updateDocument(id, doc);
    }

    /** Commits with this user data (what MariaDB state the index reflects) and refreshes searchers. */
    public void commit(Map<String, String> userData) throws IOException {
        writer.setLiveCommitData(userData.entrySet());
        writer.commit();
        refresh();
    }

    /** Makes what was written searchable without making it durable (no fsync, no commit point). */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** A search run on a leased searcher. */
    public interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /**
     * Runs {@code fn} on a searcher of {@code store}, released afterwards; 503 SEARCH_UNAVAILABLE with
     * {@code missing} while there is no store (being built) and when it closes under the search.
     */
    public static <T> T search(IndexStore store, String missing, SearchFunction<T> fn) {
        if (store == null) {
            throw new ApiException(ErrorCode.SEARCH_UNAVAILABLE, missing);
        }
        try {
            IndexSearcher searcher = store.acquire();
            try {
                return fn.apply(searcher);
            } finally {
                store.release(searcher);
            }
        } catch (IOException | AlreadyClosedException e) {
            throw new ApiException(ErrorCode.SEARCH_UNAVAILABLE,
                    "The index is being reopened; try again shortly");
        }
    }

    public IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** The writer itself, for tests that make it fail as a disk error would. */
    public IndexWriter writer() {
        return writer;
    }

    public boolean healthy() {
        return writer.isOpen() && writer.getTragicException() == null;
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                if (writer.isOpen()) {
                    writer.rollback();
                }
            } finally {
                directory.close();
            }
        }
    }

    /** Closes a store that may be gone or broken; a failure is logged, never thrown (shutdown, reopen). */
    public static void closeQuietly(IndexStore s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(IndexStore.class).warn("Closing {} failed: {}", s.path, e.toString());
            }
        }
    }

    /** Stops an indexer thread, letting the batch it is applying finish. */
    public static void stop(java.util.concurrent.ExecutorService thread) {
        thread.shutdown();
        try {
            thread.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
