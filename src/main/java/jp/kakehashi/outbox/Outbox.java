package jp.kakehashi.outbox;

import jakarta.inject.Singleton;

/** Appends "this changed" rows; callers are inside the transaction of the change itself. */
@Singleton
public class Outbox {
    private final OutboxRepository repository;

    public Outbox(OutboxRepository repository) {
        this.repository = repository;
    }

    public void pairChanged(long pairId, String kind) {
        repository.save(new OutboxEvent(null, OutboxEvent.PAIR, pairId, kind, null));
    }

    public void bulletinChanged(long bulletinId, String kind) {
        repository.save(new OutboxEvent(null, OutboxEvent.BULLETIN, bulletinId, kind, null));
    }
}
