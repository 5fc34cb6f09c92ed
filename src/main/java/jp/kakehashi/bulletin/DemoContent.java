package jp.kakehashi.bulletin;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.audit.AuditEvent;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.memory.TranslationMemory;
import jp.kakehashi.outbox.Outbox;
import jp.kakehashi.pair.Action;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.pair.PairReader;
import jp.kakehashi.pair.PairRepository;
import jp.kakehashi.pair.PairStatus;
import jp.kakehashi.pair.PairView;
import jp.kakehashi.pair.Released;
import jp.kakehashi.system.KakehashiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code KAKEHASHI_DEMO=true} and an empty database, loads the project's own demo bulletins
 * (written for this project: {@code demo/bulletins.json}) through the normal create path, and
 * releases those marked released so readers find something on first start ({@code sourceOnly}: the
 * original alone, as an edition). Others stay open for translators.
 */
@Singleton
class DemoContent implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoContent.class);
    private static final Actor DEMO = new Actor(null, "demo");

    @Serdeable
    record Entry(boolean released, boolean sourceOnly, CreateBulletinCommand bulletin) {
    }

    private final KakehashiConfig config;
    private final BulletinRepository bulletins;
    private final PairRepository pairs;
    private final BulletinService service;
    private final AuditRepository audit;
    private final Outbox outbox;
    private final JsonMapper json;
    private final TransactionOperations<?> tx;
    private final TranslationMemory memory;
    private final PairReader reader;
    private final ItemRelease items;

    DemoContent(TransactionOperations<?> tx, KakehashiConfig config, BulletinRepository bulletins, PairRepository pairs, BulletinService service,
                AuditRepository audit, Outbox outbox, JsonMapper json, TranslationMemory memory, PairReader reader,
                ItemRelease items) {
        this.items = items;
        this.memory = memory;
        this.reader = reader;
        this.config = config;
        this.bulletins = bulletins;
        this.pairs = pairs;
        this.service = service;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
        this.tx = tx;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (config.isDemo() && bulletins.count() == 0) {
            tx.executeWrite(status -> load());
        }
    }

    /** One transaction: a half-loaded demo would never be completed (the database is no longer empty). */
    private int load() {
        List<Entry> entries = read();
        for (Entry e : entries) {
            Bulletin b = service.create(e.bulletin(), DEMO);
            if (e.released() && e.sourceOnly()) {
                releaseSource(b);
            } else if (e.released()) {
                release(b);
            }
        }
        LOG.info("Loaded {} demo bulletins", entries.size());
        return entries.size();
    }

    private void release(Bulletin b) {
        for (Pair p : pairs.findByBulletinIdOrderByPosition(b.id())) {
            pairs.update(p.withStatus(PairStatus.RELEASED, null).withReleased(new Released(p.sourceRevision(), p.targetRevision())));
            audit.save(new AuditEvent(null, b.id(), p.id(), null, DEMO.name(), Action.RELEASED_WITH_BULLETIN, p.status().name(),
                    PairStatus.RELEASED.name(), "demo content", null));
            outbox.pairChanged(p.id(), "released");
            remember(p);
        }
        java.time.Instant now = java.time.Instant.now();
        bulletins.update(b.withState(Bulletin.BulletinState.RELEASED, now, now));
        outbox.bulletinChanged(b.id(), "released");
    }

    /** An English report out in its own language, its translation still to come (an edition). */
    private void releaseSource(Bulletin b) {
        for (Pair p : pairs.findByBulletinIdOrderByPosition(b.id())) {
            items.source(p, DEMO);
        }
        java.time.Instant now = java.time.Instant.now();
        bulletins.update(b.withState(Bulletin.BulletinState.SOURCE_RELEASED, null, now));
        outbox.bulletinChanged(b.id(), "release_source");
    }

    /** Released demo pairs count as approved: the demo's editor page has memory suggestions at once. */
    private void remember(Pair p) {
        PairView v = reader.pair(p.id(), true).orElseThrow();
        if (v.target() != null) {
            memory.remember(new TranslationMemory.Approved(p.id(), p.officeCode(), p.sourceLang(), p.targetLang(),
                    v.source().title(), v.source().body(), v.target().title(), v.target().body(), DEMO.name(),
                    DEMO.name(), null, v.source().captions(), v.target().captions()));
        }
    }

    private List<Entry> read() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/bulletins.json")) {
            return json.readValue(in.readAllBytes(), Argument.listOf(Entry.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
