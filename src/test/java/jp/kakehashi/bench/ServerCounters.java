package jp.kakehashi.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.support.Db;

/**
 * MariaDB's own statement counters around a workflow phase, so the report says how many round trips
 * a transition costs each client rather than leaving it to a reading of the code. The counters are
 * the server's (every client: the service's indexer and token checks included), which is the point:
 * it is what MariaDB had to answer per transition.
 */
final class ServerCounters {
    private static final List<String> NAMES = List.of("Questions", "Com_select", "Com_insert", "Com_update",
            "Com_delete", "Com_commit", "Com_rollback", "Com_set_option", "Com_stmt_prepare", "Com_stmt_execute");
    private final Db db;
    private final Map<String, Long> before;

    private ServerCounters(Db db) {
        this.db = db;
        this.before = read(db);
    }

    static ServerCounters start(Db db) {
        return new ServerCounters(db);
    }

    /** Each counter's growth since {@link #start}, divided by the transitions made meanwhile. */
    Map<String, Object> perTransition(long transitions) {
        Map<String, Long> after = read(db);
        Map<String, Object> r = new LinkedHashMap<>();
        for (String name : NAMES) {
            // the counters' own read adds one statement to thousands of transitions: left in
            long delta = after.get(name) - before.get(name);
            r.put(name, transitions == 0 ? 0.0 : Math.round(delta * 100.0 / transitions) / 100.0);
        }
        return r;
    }

    private static Map<String, Long> read(Db db) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Object[] row : db.rows("SELECT VARIABLE_NAME, CAST(VARIABLE_VALUE AS UNSIGNED) FROM"
                + " information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN (" + "?,".repeat(NAMES.size() - 1) + "?)",
                NAMES.stream().map(n -> n.toUpperCase(java.util.Locale.ROOT)).toArray())) {
            String name = NAMES.stream().filter(n -> n.equalsIgnoreCase((String) row[0])).findFirst().orElseThrow();
            values.put(name, ((Number) row[1]).longValue());
        }
        if (values.size() != NAMES.size()) {
            throw new IllegalStateException("MariaDB did not report every counter: " + values.keySet());
        }
        return values;
    }
}
