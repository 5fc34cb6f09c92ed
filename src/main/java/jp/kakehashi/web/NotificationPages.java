package jp.kakehashi.web;

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
import java.util.Map;
import jp.kakehashi.notification.Notifications;
import jp.kakehashi.office.OfficeDirectory;

/** A person's inbox: the newest notifications, unread ones marked, and "mark all as read" (a form, never a GET). */
@Hidden
@Controller("/work/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class NotificationPages {
    static final int SHOWN = 50;
    private final PageSession session;
    private final StaffForms forms;
    private final Notifications notifications;
    private final OfficeDirectory offices;

    NotificationPages(PageSession session, StaffForms forms, Notifications notifications, OfficeDirectory offices) {
        this.offices = offices;
        this.session = session;
        this.forms = forms;
        this.notifications = notifications;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> inbox(HttpRequest<?> request) {
        var me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = forms.model(request, me.get());
        model.put("inbox", notifications.inbox(me.get(), false, SHOWN));
        model.put("zone", offices.homeZone(me.get().offices()));
        return HttpResponse.ok(new ModelAndView<>("notifications", model));
    }

    @Post(uri = "/read", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> read(HttpRequest<?> request, @Body String body) {
        var f = Forms.parse(body);
        String upTo = Forms.first(f, "upTo");
        return forms.change(request, session.of(request), Forms.first(f, "_csrf"), "/work/notifications", me -> {
            notifications.markRead(me, upTo != null && upTo.matches("\\d{1,18}") ? Long.parseLong(upTo) : 0);
            return null;
        });
    }
}
