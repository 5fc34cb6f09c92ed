package jp.kakehashi.webhook;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.bulletin.BulletinReleased;
import jp.kakehashi.bulletin.BulletinRepository;
import jp.kakehashi.pair.Action;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.pair.PairActed;
import jp.kakehashi.system.KakehashiConfig;

/**
 * Turns what happened into deliveries, one per subscribed webhook, written in the transaction of
 * the change: a rolled-back approval is never announced, a committed one always is. Payloads name
 * things (ids, office, state, titles, links), not their texts: a receiver that wants a released
 * bulletin's text reads it from the reader API like anyone else.
 */
@Singleton
class HookEvents {
    private final WebhookRepository hooks;
    private final DeliveryRepository deliveries;
    private final BulletinRepository bulletins;
    private final JsonMapper json;
    private final KakehashiConfig config;

    HookEvents(WebhookRepository hooks, DeliveryRepository deliveries, BulletinRepository bulletins, JsonMapper json,
               KakehashiConfig config) {
        this.hooks = hooks;
        this.deliveries = deliveries;
        this.bulletins = bulletins;
        this.json = json;
        this.config = config;
    }

    @EventListener
    void released(BulletinReleased e) {
        bulletins.findById(e.bulletinId()).ifPresent(b -> {
            Map<String, Object> bulletin = new LinkedHashMap<>();
            bulletin.put("id", b.id());
            bulletin.put("number", b.number());
            bulletin.put("titleJa", b.titleJa());
            bulletin.put("titleEn", b.titleEn());
            bulletin.put("state", b.state().name());
            bulletin.put("publishedOn", b.publishedOn().toString());
            bulletin.put("page", config.getBaseUrl() + "/bulletins/" + b.id());
            bulletin.put("api", config.getBaseUrl() + "/api/v1/bulletins/" + b.id());
            enqueue(HookEvent.BULLETIN_RELEASED, e.actor().name(), Map.of("bulletin", bulletin));
        });
    }

    @EventListener
    void acted(PairActed e) {
        HookEvent event = e.action().equals(Action.SUBMIT.auditName()) ? HookEvent.PAIR_SUBMITTED
                : e.action().equals(Action.REJECT.auditName()) ? HookEvent.PAIR_REJECTED
                : e.action().equals(Action.APPROVE.auditName(false)) || e.action().equals(Action.APPROVE.auditName(true))
                ? HookEvent.PAIR_APPROVED : null;
        if (event == null) {
            return;
        }
        Pair p = e.after();
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("id", p.id());
        pair.put("bulletinId", p.bulletinId());
        pair.put("position", p.position());
        pair.put("office", p.officeCode());
        pair.put("sourceLang", p.sourceLang());
        pair.put("targetLang", p.targetLang());
        pair.put("status", p.status().name());
        pair.put("page", config.getBaseUrl() + "/work/pairs/" + p.id());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pair", pair);
        if (event == HookEvent.PAIR_REJECTED) {
            data.put("reason", e.reason());
        }
        enqueue(event, e.actor().name(), data);
    }

    private void enqueue(HookEvent event, String actor, Map<String, Object> data) {
        Instant now = Instant.now();
        for (Webhook w : hooks.findByActiveTrueOrderById()) {
            if (!w.eventList().contains(event.wireName())) {
                continue;
            }
            String id = UUID.randomUUID().toString();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id);
            body.put("event", event.wireName());
            body.put("occurredAt", now.toString());
            body.put("actor", actor);
            body.putAll(data);
            deliveries.save(new Delivery(null, w.id(), id, event.wireName(), text(body), Delivery.State.PENDING, 0, now,
                    null, null, null, null, now, null, null));
        }
    }

    private String text(Map<String, Object> body) {
        try {
            return new String(json.writeValueAsBytes(body), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
