package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.notification.Channel;
import jp.kakehashi.notification.Notification;
import jp.kakehashi.notification.NotificationSettingsCommand;
import jp.kakehashi.notification.Preferences;
import jp.kakehashi.system.ErrorCode;

/** A person's notification settings as a form: the same rules as the API, one save for all. */
@Hidden
@Controller("/work/settings/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class NotificationSettingsPages {
    private final PageSession session;
    private final StaffForms forms;
    private final Preferences preferences;

    NotificationSettingsPages(PageSession session, StaffForms forms, Preferences preferences) {
        this.session = session;
        this.forms = forms;
        this.preferences = preferences;
    }

    /**
     * {@code confirm}: the token of the link mailed to a new address, which the page offers to confirm
     * with a press (a mail scanner that opens the link confirms nothing).
     */
    @Get(uri = "{?error,saved,confirm,confirmed}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> show(HttpRequest<?> request, @Nullable String error, @Nullable Boolean saved,
                                @Nullable String confirm, @Nullable Boolean confirmed) {
        var me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = forms.model(request, me.get());
        model.put("settings", preferences.view(me.get()));
        model.put("kinds", List.of(Notification.Kind.values()));
        model.put("channels", List.of(Channel.values()));
        model.put("error", ErrorCode.known(error));
        model.put("saved", Boolean.TRUE.equals(saved));
        model.put("confirmed", Boolean.TRUE.equals(confirmed));
        model.put("confirm", confirm == null || confirm.length() > 100 ? null : confirm);
        return HttpResponse.ok(new ModelAndView<>("notification-settings", model));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @Body String body) {
        var f = Forms.parse(body);
        Map<Notification.Kind, Channel> choices = new EnumMap<>(Notification.Kind.class);
        for (Notification.Kind k : Notification.Kind.values()) {
            String c = Forms.first(f, "kind." + k.name());
            // a value the form never offers changes nothing
            for (Channel ch : Channel.values()) {
                if (ch.name().equals(c)) {
                    choices.put(k, ch);
                }
            }
        }
        var command = new NotificationSettingsCommand(Forms.first(f, "email"), Forms.first(f, "lang"), choices);
        return forms.change(request, session.of(request), Forms.first(f, "_csrf"), "/work/settings/notifications",
                "/work/settings/notifications?saved=true", me -> preferences.update(me, command));
    }

    @Post(uri = "/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> confirm(HttpRequest<?> request, @Body String body) {
        var f = Forms.parse(body);
        return forms.change(request, session.of(request), Forms.first(f, "_csrf"), "/work/settings/notifications",
                "/work/settings/notifications?confirmed=true", me -> preferences.confirm(me, Forms.first(f, "token")));
    }
}
