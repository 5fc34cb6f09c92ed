package jp.kakehashi.webhook;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.kakehashi.audit.AuditLog;
import jp.kakehashi.security.Staff;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.RandomTokens;

/**
 * Registering webhooks and looking after their deliveries (administrators only; the controller
 * checks). A URL is checked where it points when it is registered, and again at every attempt,
 * since its name may come to resolve elsewhere.
 */
@Singleton
public class Webhooks {
    static final int MAX_HOOKS = 50;
    static final int DELIVERIES_SHOWN = 50;
    private final WebhookRepository hooks;
    private final DeliveryRepository deliveries;
    private final WebhookSettings settings;
    private final TransactionOperations<Connection> tx;

    Webhooks(WebhookRepository hooks, DeliveryRepository deliveries, WebhookSettings settings,
             TransactionOperations<Connection> tx) {
        this.hooks = hooks;
        this.deliveries = deliveries;
        this.settings = settings;
        this.tx = tx;
    }

    /** Checks first, outside any transaction (a DNS answer may take seconds), then writes in one. */
    public WebhookView register(RegisterWebhookCommand c, Staff who) {
        WebhookUrl url;
        try {
            url = WebhookUrl.parse(c.url());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("url", e.getMessage());
        }
        Set<String> events = new LinkedHashSet<>();
        for (String e : c.events() == null ? List.<String>of() : c.events()) {
            events.add(HookEvent.of(e).orElseThrow(() -> ApiException.invalidParameter("events",
                    "events are among " + List.of(HookEvent.values()).stream().map(HookEvent::wireName).toList()))
                    .wireName());
        }
        if (events.isEmpty()) {
            throw ApiException.invalidParameter("events", "a webhook needs at least one event");
        }
        try {
            AddressGuard.resolve(url.host(), settings.allowed());
        } catch (AddressGuard.Refused refused) {
            throw new ApiException(ErrorCode.ADDRESS_REFUSED, refused.getMessage());
        }
        String secret = HexFormat.of().formatHex(RandomTokens.bytes(32));
        Webhook w = tx.executeWrite(s -> {
            if (hooks.countByActiveTrue() >= MAX_HOOKS) {
                throw new ApiException(ErrorCode.TOO_MANY_ITEMS, "at most " + MAX_HOOKS + " webhooks");
            }
            return hooks.save(new Webhook(null, url.uri().toString(), String.join(",", events), secret, true,
                    who.username(), Instant.now(), null));
        });
        AuditLog.event("webhook_register", who.username(), "webhook " + w.id() + " " + w.url());
        return WebhookView.of(w, true);
    }

    @Transactional(readOnly = true)
    public List<WebhookView> list() {
        return hooks.findByActiveTrueOrderById().stream().map(w -> WebhookView.of(w, false)).toList();
    }

    /** One active webhook (404 for a removed or unknown one). */
    @Transactional(readOnly = true)
    public WebhookView view(long id) {
        return WebhookView.of(active(id), false);
    }

    @Transactional
    public void remove(long id, Staff who) {
        Webhook w = active(id);
        hooks.update(w.removed());
        deliveries.cancel(id);
        AuditLog.event("webhook_remove", who.username(), "webhook " + id);
    }

    @Transactional(readOnly = true)
    public List<DeliveryView> deliveries(long hookId) {
        active(hookId);
        return deliveries.newest(hookId, DELIVERIES_SHOWN).stream().map(DeliveryView::of).toList();
    }

    /** Sends a delivered or failed delivery again, with its own payload and id, at the next poll. */
    @Transactional
    public void redeliver(long deliveryId, Staff who) {
        Delivery d = deliveries.findById(deliveryId).orElseThrow(() -> ApiException.notFound("delivery " + deliveryId));
        active(d.webhookId());
        if (deliveries.again(deliveryId, Instant.now()) == 0) {
            throw new ApiException(ErrorCode.WRONG_STATE, "The delivery is still being sent").with("state", d.state());
        }
        AuditLog.event("webhook_redeliver", who.username(), "delivery " + deliveryId);
    }

    private Webhook active(long id) {
        return hooks.findById(id).filter(Webhook::active).orElseThrow(() -> ApiException.notFound("webhook " + id));
    }
}
