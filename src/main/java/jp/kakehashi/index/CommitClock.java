package jp.kakehashi.index;

/**
 * What an index that refreshes at once and commits later has made durable, and when: the position
 * of its last commit and the time of it. The search and memory indexers each keep one, touched only
 * by their indexer thread (and by close, once that thread has stopped).
 */
public final class CommitClock {
    private long durable;
    private long committedAt = System.nanoTime();

    /** The index was opened or rebuilt with {@code position} committed. */
    public void opened(long position) {
        durable = position;
    }

    /** A commit made {@code position} durable now. */
    public void committed(long position) {
        durable = position;
        committedAt = System.nanoTime();
    }

    /** Whether {@code cursor}, the searchable position, is past the last commit. */
    public boolean behind(long cursor) {
        return durable < cursor;
    }

    /** Whether at least {@code intervalNanos} have passed since the last commit. */
    public boolean due(long intervalNanos) {
        return System.nanoTime() - committedAt >= intervalNanos;
    }
}
