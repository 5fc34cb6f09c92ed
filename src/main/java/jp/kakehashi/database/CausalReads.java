package jp.kakehashi.database;

/**
 * A read that must see everything committed anywhere before it began, also on a Galera node that
 * has not applied all of it yet. Galera certifies a commit on every node at once but applies it on
 * each in its own time, so a node may answer from a state some writesets behind the others. An
 * indexer reads the outbox on one pool connection and the pairs it names on others, which after a
 * failover (or a node rejoining) sit on different nodes: a pair read from a node behind the outbox's
 * was indexed as it had been, and the cursor moved past its change for good. Asked this way, the node
 * first applies what the cluster committed before the statement arrived ({@code wsrep_sync_wait}
 * for reads, for this statement only, so a pooled connection keeps no setting). Without Galera the
 * variable exists and does nothing.
 */
public final class CausalReads {
    private CausalReads() {
    }

    /** {@code select} run only once the node has applied every commit that preceded it in the cluster. */
    public static String of(String select) {
        return "SET STATEMENT wsrep_sync_wait = 1 FOR " + select;
    }
}
