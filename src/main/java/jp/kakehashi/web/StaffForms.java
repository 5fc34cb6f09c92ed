package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.i18n.Messages;
import jp.kakehashi.notification.Notifications;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.qa.QaChecks;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * What every signed-in page shares: the template model (words, the person, the CSRF token) and the
 * handling of a form post (sign-in and CSRF checks, then back to the page, with the problem code and
 * any QA issue codes when the change was refused).
 */
@Singleton
class StaffForms {
    private final Messages messages;
    private final PageLocale locales;
    private final OfficeDirectory offices;
    private final Notifications notifications;

    StaffForms(Messages messages, PageLocale locales, OfficeDirectory offices, Notifications notifications) {
        this.notifications = notifications;
        this.messages = messages;
        this.locales = locales;
        this.offices = offices;
    }

    interface Change {
        Object apply(Staff me);
    }

    /** A change whose page afterwards depends on what it did (counts of an upload): answers that page. */
    interface Outcome {
        URI apply(Staff me);
    }

    Map<String, Object> model(HttpRequest<?> request, Staff me) {
        Map<String, Object> model = ReaderPages.base(messages, request, locales.of(request, null));
        ((Texts) model.get("t")).withOffices(offices.all());
        model.put("me", me);
        model.put("admin", me.has(User.Role.ADMIN));
        model.put("editor", me.has(User.Role.EDITOR));
        model.put("csrf", Csrf.token(request));
        // every staff page's header shows the unread count (one indexed count)
        model.put("unread", notifications.unread(me));
        return model;
    }

    MutableHttpResponse<?> change(HttpRequest<?> request, Optional<Staff> me, @Nullable String csrf, String back,
                                  Change change) {
        return change(request, me, csrf, back, back, change);
    }

    /** {@code done}: where a change that went through leads (a deleted record's page is gone). */
    MutableHttpResponse<?> change(HttpRequest<?> request, Optional<Staff> me, @Nullable String csrf, String back,
                                  String done, Change change) {
        return changeTo(request, me, csrf, back, who -> {
            change.apply(who);
            return URI.create(done);
        });
    }

    MutableHttpResponse<?> changeTo(HttpRequest<?> request, Optional<Staff> me, @Nullable String csrf, String back,
                                    Outcome change) {
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        if (!Csrf.valid(request, csrf)) {
            return HttpResponse.seeOther(UriBuilder.of(back).queryParam("error", "FORBIDDEN").build());
        }
        try {
            return HttpResponse.seeOther(change.apply(me.get()));
        } catch (ApiException e) {
            UriBuilder refused = UriBuilder.of(back).queryParam("error", e.code().name());
            if (e.extensions().get("issues") instanceof List<?> issues) {
                issues.stream().filter(QaChecks.Issue.class::isInstance).map(i -> ((QaChecks.Issue) i).code())
                        .forEach(code -> refused.queryParam("qa", code));
            }
            return HttpResponse.seeOther(refused.build());
        } catch (OptimisticLockException changedMeanwhile) {
            // someone saved the same record first; the page shows it as it is now
            return HttpResponse.seeOther(UriBuilder.of(back).queryParam("error", ErrorCode.CONFLICT.name()).build());
        }
    }
}
