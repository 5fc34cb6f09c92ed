package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.bench.CorpusGenerator;
import jp.kakehashi.bulletin.BulletinService;
import jp.kakehashi.bulletin.CreateBulletinCommand;
import jp.kakehashi.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** The outbox as the catch-up's batches, on MariaDB's own rows. */
@MicronautTest(transactional = false)
class OutboxBatchesTest extends ServiceTest {
    @Inject
    PairLoader loader;
    @Inject
    BulletinService bulletins;
    @Inject
    jp.kakehashi.index.CommitOrder order;

    /**
     * Three bulletins of 200 pairs leave 603 rows (each bulletin's pair rows, then its own row): the
     * first batch of 500 rows ends at the second bulletin's row, so no pair is in two batches, where
     * a cut after row 500 had the third bulletin's first 98 pairs analysed again after its own row.
     */
    @Test
    void aFullBatchEndsAtItsLastBulletinRowSoNoImportedPairIsInTwoBatches() {
        order.assign("outbox_event");
        long cursor = loader.outboxBounds().last();
        List<CreateBulletinCommand> three = CorpusGenerator.bulletins(System.nanoTime(), 600);
        for (CreateBulletinCommand b : three) {
            bulletins.create(b, Actor.SYSTEM);
        }
        order.assign("outbox_event"); // the service's own indexer may have numbered some already
        OutboxBatches batches = new OutboxBatches(loader, cursor);
        List<IndexPipeline.Step> steps = new ArrayList<>();
        for (Optional<IndexPipeline.Step> s = batches.next(); s.isPresent(); s = batches.next()) {
            steps.add(s.get());
        }
        assertEquals(2, steps.size(), steps.toString());
        assertEquals(400, steps.get(0).pairIds().size(), "the first two bulletins");
        assertEquals(200, steps.get(1).pairIds().size(), "the third");
        Set<Long> seen = new HashSet<>();
        for (IndexPipeline.Step s : steps) {
            for (Long id : s.pairIds()) {
                assertTrue(seen.add(id), "pair " + id + " in two batches");
            }
        }
        assertEquals(loader.outboxBounds().last(), steps.getLast().position());
    }
}
