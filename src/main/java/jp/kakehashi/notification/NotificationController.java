package jp.kakehashi.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.system.ApiException;

/** A person's own notifications: nobody reads another's. */
@Controller("/api/v1/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class NotificationController {
    private final Notifications notifications;
    private final Preferences preferences;
    private final StaffLookup staff;

    NotificationController(Notifications notifications, Preferences preferences, StaffLookup staff) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.staff = staff;
    }

    @Serdeable
    record ReadCommand(@Nullable Long upTo) {
    }

    @Get("{?unread,limit}")
    NotificationView.Inbox inbox(@Nullable Boolean unread, @Nullable Integer limit, @Nullable Authentication auth) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > Notifications.MAX_LIST) {
            throw ApiException.invalidParameter("limit", "limit must be 1 … " + Notifications.MAX_LIST);
        }
        return notifications.inbox(staff.require(auth), Boolean.TRUE.equals(unread), n);
    }

    /** Marks as read every notification up to {@code upTo} (the newest one the client showed). */
    @Post("/read")
    HttpResponse<Void> read(@Body ReadCommand c, @Nullable Authentication auth) {
        if (c.upTo() == null || c.upTo() < 1) {
            throw ApiException.invalidParameter("upTo", "upTo is the id of the newest notification shown");
        }
        notifications.markRead(staff.require(auth), c.upTo());
        return HttpResponse.noContent();
    }

    /** The caller's address, mail language and channel per kind. */
    @Get("/settings")
    NotificationSettingsView settings(@Nullable Authentication auth) {
        return preferences.view(staff.require(auth));
    }

    /**
     * Changes them; a mail channel needs an address and a service that sends mail (422
     * MAIL_NOT_CONFIGURED). A new address is sent a link to confirm it; no notification mail goes to it before.
     */
    @Put("/settings")
    NotificationSettingsView change(@Body NotificationSettingsCommand c, @Nullable Authentication auth) {
        return preferences.update(staff.require(auth), c);
    }

    @Serdeable
    record ConfirmCommand(@Nullable String token) {
    }

    /** Confirms the caller's address with the token of the link sent to it; 422 CONFIRMATION_INVALID otherwise. */
    @Post("/settings/confirm")
    NotificationSettingsView confirm(@Body ConfirmCommand c, @Nullable Authentication auth) {
        return preferences.confirm(staff.require(auth), c.token());
    }
}
