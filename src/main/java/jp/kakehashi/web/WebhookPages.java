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
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.webhook.HookEvent;
import jp.kakehashi.webhook.RegisterWebhookCommand;
import jp.kakehashi.webhook.WebhookView;
import jp.kakehashi.webhook.Webhooks;

/**
 * Administrators' webhooks: register one (its secret shown on the answer page, once, never in a
 * URL), remove one, and read a webhook's delivery log with a button to send a delivery again.
 */
@Hidden
@Controller("/admin/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class WebhookPages {
    private final PageSession session;
    private final StaffForms forms;
    private final Webhooks webhooks;

    WebhookPages(PageSession session, StaffForms forms, Webhooks webhooks) {
        this.session = session;
        this.forms = forms;
        this.webhooks = webhooks;
    }

    private Optional<Staff> admin(HttpRequest<?> request) {
        return session.of(request).filter(s -> s.has(User.Role.ADMIN));
    }

    @Get(uri = "{?error}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable String error) {
        return admin(request).<MutableHttpResponse<?>>map(me -> HttpResponse.ok(page(request, me, ErrorCode.known(error), null)))
                .orElse(HttpResponse.seeOther(URI.create("/login")));
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Staff me, @Nullable String error,
                                                   @Nullable WebhookView created) {
        Map<String, Object> model = forms.model(request, me);
        model.put("hooks", webhooks.list());
        model.put("events", Arrays.stream(HookEvent.values()).map(HookEvent::wireName).toList());
        model.put("error", error);
        model.put("created", created);
        return new ModelAndView<>("webhooks", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> register(HttpRequest<?> request, @Body String body) {
        var f = Forms.parse(body);
        Optional<Staff> me = admin(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        if (!Csrf.valid(request, Forms.first(f, "_csrf"))) {
            return HttpResponse.seeOther(URI.create("/admin/webhooks?error=FORBIDDEN"));
        }
        try {
            WebhookView created = webhooks.register(new RegisterWebhookCommand(Forms.first(f, "url"),
                    Forms.all(f, "event")), me.get());
            return HttpResponse.ok(page(request, me.get(), null, created));
        } catch (ApiException e) {
            return HttpResponse.seeOther(UriBuilder.of("/admin/webhooks").queryParam("error", e.code().name()).build());
        }
    }

    @Post(uri = "/{id}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> remove(HttpRequest<?> request, long id, @Body String body) {
        var f = Forms.parse(body);
        return forms.change(request, admin(request), Forms.first(f, "_csrf"), "/admin/webhooks", me -> {
            webhooks.remove(id, me);
            return null;
        });
    }

    @Get(uri = "/{id}{?error}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> deliveries(HttpRequest<?> request, long id, @Nullable String error) {
        Optional<Staff> me = admin(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = forms.model(request, me.get());
        WebhookView hook;
        try {
            hook = webhooks.view(id);
        } catch (ApiException notFound) {
            model.put("code", notFound.code().name());
            return HttpResponse.notFound().body(new ModelAndView<>("error", model));
        }
        model.put("hook", hook);
        model.put("deliveries", webhooks.deliveries(id));
        model.put("error", ErrorCode.known(error));
        return HttpResponse.ok(new ModelAndView<>("webhook", model));
    }

    @Post(uri = "/{id}/deliveries/{delivery}/redeliver", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> redeliver(HttpRequest<?> request, long id, long delivery, @Body String body) {
        var f = Forms.parse(body);
        return forms.change(request, admin(request), Forms.first(f, "_csrf"), "/admin/webhooks/" + id, me -> {
            webhooks.redeliver(delivery, me);
            return null;
        });
    }
}
