package jp.kakehashi.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.security.User.Role;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/** Webhooks and their delivery log, for administrators. */
@Controller("/api/v1/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class WebhookController {
    private final Webhooks webhooks;
    private final StaffLookup staff;

    WebhookController(Webhooks webhooks, StaffLookup staff) {
        this.webhooks = webhooks;
        this.staff = staff;
    }

    /** Registers a receiver; the answer carries the signing secret, shown this once. */
    @ApiResponse(responseCode = "201", description = "Registered; the secret is in this answer only",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @Post
    HttpResponse<WebhookView> register(@Body RegisterWebhookCommand c, @Nullable Authentication auth) {
        WebhookView w = webhooks.register(c, admin(auth));
        return HttpResponse.created(w, URI.create("/api/v1/webhooks/" + w.id()));
    }

    @Get
    List<WebhookView> list(@Nullable Authentication auth) {
        admin(auth);
        return webhooks.list();
    }

    /** Stops deliveries: what is still waiting is cancelled; the log stays. */
    @Delete("/{id}")
    HttpResponse<Void> remove(@PathVariable long id, @Nullable Authentication auth) {
        webhooks.remove(id, admin(auth));
        return HttpResponse.noContent();
    }

    /** The newest deliveries, with each receiver's last answer. */
    @Get("/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable long id, @Nullable Authentication auth) {
        admin(auth);
        return webhooks.deliveries(id);
    }

    /** Sends a delivered or failed delivery again, as it was (same payload and delivery id). */
    @ApiResponse(responseCode = "202", description = "Queued to be sent again at the next poll")
    @Post("/deliveries/{id}/redeliver")
    HttpResponse<Void> redeliver(@PathVariable long id, @Nullable Authentication auth) {
        webhooks.redeliver(id, admin(auth));
        return HttpResponse.accepted();
    }

    private Staff admin(@Nullable Authentication auth) {
        Staff who = staff.require(auth);
        if (!who.has(Role.ADMIN)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Administrators only");
        }
        return who;
    }
}
