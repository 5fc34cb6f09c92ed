package jp.kakehashi.memory;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import jp.kakehashi.database.RetryOnConflict;
import jp.kakehashi.job.Progress;

/**
 * Inserts units in the caller's transaction. Plain JDBC because a repeat must refresh the existing
 * unit's provenance rather than fail or duplicate it, which is one {@code INSERT … ON DUPLICATE KEY
 * UPDATE} per unit in MariaDB. The index learns of committed units from {@link MemoryChanged}.
 */
@Singleton
class MemoryWrites {
    private static final int BATCH = 500;
    private static final String UPSERT = "INSERT INTO tm_unit (source_lang, target_lang, source_text, target_text,"
            + " source_key, target_key, context_key, office_code, pair_id, origin, translated_by, added_by, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
            + " office_code = VALUES(office_code), pair_id = VALUES(pair_id), origin = VALUES(origin),"
            + " translated_by = VALUES(translated_by), added_by = VALUES(added_by), updated_at = VALUES(updated_at),"
            + " version = version + 1";
    /** A file must not overwrite what approvals here say about a unit: the first record stays. */
    private static final String INSERT_NEW = UPSERT.substring(0, UPSERT.indexOf(" ON DUPLICATE"))
            + " ON DUPLICATE KEY UPDATE id = id";
    private final JdbcOperations jdbc;
    private final ApplicationEventPublisher<MemoryChanged> events;

    MemoryWrites(JdbcOperations jdbc, ApplicationEventPublisher<MemoryChanged> events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Approved units: new ones are added, repeats refresh who, where and when. */
    @Transactional
    void upsert(List<TmEntry> entries) {
        write(UPSERT, entries);
    }

    /**
     * Imported units: new ones are added, repeats are left as they are; one transaction, told in
     * batches, run again from the first (progress too) when it loses a lock conflict.
     */
    @Transactional
    @RetryOnConflict
    void insertNew(List<TmEntry> entries, Progress progress) {
        progress.total(entries.size());
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<TmEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
            write(INSERT_NEW, batch);
            progress.advance(batch.size());
        }
    }

    private void write(String sql, List<TmEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.prepareStatement(sql, ps -> {
            for (TmEntry e : entries) {
                int i = 0;
                ps.setString(++i, e.sourceLang());
                ps.setString(++i, e.targetLang());
                ps.setString(++i, e.source());
                ps.setString(++i, e.target());
                ps.setString(++i, Similarity.key(e.source()));
                ps.setString(++i, Similarity.key(e.target()));
                ps.setString(++i, e.contextKey());
                ps.setString(++i, e.office());
                ps.setObject(++i, e.pairId());
                ps.setString(++i, e.origin().name());
                ps.setString(++i, clip(e.translatedBy()));
                ps.setString(++i, clip(e.addedBy()));
                ps.setTimestamp(++i, Timestamp.from(e.createdAt()));
                ps.setTimestamp(++i, now);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        events.publishEvent(new MemoryChanged());
    }

    private static String clip(String name) {
        String n = name == null ? "" : name.strip();
        return n.length() <= TmEntry.MAX_NAME ? n : n.substring(0, TmEntry.MAX_NAME);
    }
}
