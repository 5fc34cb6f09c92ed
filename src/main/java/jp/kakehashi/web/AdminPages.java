package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.office.OfficeSettings;
import jp.kakehashi.office.ReleaseMode;
import jp.kakehashi.pair.OfficeStatus;
import jp.kakehashi.security.AccountService;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.security.UserCommands.CreateUserCommand;
import jp.kakehashi.security.UserCommands;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * The office dashboard (staff: every office they belong to) and user administration (admins:
 * list, create, deactivate), on the same services as the API.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class AdminPages {
    private final PageSession session;
    private final StaffForms forms;
    private final OfficeStatus status;
    private final OfficeDirectory offices;
    private final AccountService accounts;
    private final OfficeSettings settings;

    AdminPages(PageSession session, StaffForms forms, OfficeStatus status, OfficeDirectory offices,
               AccountService accounts, OfficeSettings settings) {
        this.settings = settings;
        this.session = session;
        this.forms = forms;
        this.status = status;
        this.offices = offices;
        this.accounts = accounts;
    }

    @Get(uri = "/work/dashboard", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> dashboard(HttpRequest<?> request) {
        Optional<Staff> me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = model(request, me.get());
        List<OfficeStatus.StatusView> statuses = new ArrayList<>();
        for (String code : me.get().has(User.Role.ADMIN) ? offices.all().stream().map(o -> o.code()).toList()
                : List.copyOf(me.get().offices()).stream().sorted().toList()) {
            statuses.add(status.of(code));
        }
        model.put("statuses", statuses);
        model.putAll(DashboardCharts.of(statuses, (Texts) model.get("t")));
        return HttpResponse.ok(new ModelAndView<>("dashboard", model));
    }

    @Get(uri = "/admin/users{?error}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> users(HttpRequest<?> request, @Nullable String error) {
        Optional<Staff> me = admin(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = model(request, me.get());
        model.put("users", accounts.all());
        model.put("offices", offices.all());
        model.put("error", error);
        return HttpResponse.ok(new ModelAndView<>("users", model));
    }

    @Post(uri = "/admin/users", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Body String body) {
        Map<String, List<String>> f = Forms.parse(body);
        return change(request, Forms.first(f, "_csrf"), me -> accounts.create(new CreateUserCommand(
                Forms.first(f, "username"), Forms.first(f, "password"), Forms.first(f, "displayName"),
                Forms.all(f, "roles"), Forms.all(f, "offices")), me.actor()));
    }

    @Get(uri = "/admin/users/{id}{?error}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> user(HttpRequest<?> request, @PathVariable long id, @Nullable String error) {
        Optional<Staff> me = admin(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = model(request, me.get());
        model.put("user", accounts.all().stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("User " + id)));
        model.put("offices", offices.all());
        model.put("error", error);
        return HttpResponse.ok(new ModelAndView<>("user", model));
    }

    @Post(uri = "/admin/users/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        Map<String, List<String>> f = Forms.parse(body);
        return change(request, Forms.first(f, "_csrf"), me -> accounts.update(id, new UserCommands.UpdateUserCommand(
                Forms.first(f, "displayName"), Forms.all(f, "roles"), Forms.all(f, "offices")), me.actor()));
    }

    @Get(uri = "/admin/offices{?error}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> offices(HttpRequest<?> request, @Nullable String error) {
        Optional<Staff> me = admin(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = model(request, me.get());
        model.put("offices", offices.all());
        model.put("releaseModes", List.of(ReleaseMode.values()));
        model.put("error", error);
        return HttpResponse.ok(new ModelAndView<>("offices", model));
    }

    @Post(uri = "/admin/offices/{code}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> office(HttpRequest<?> request, @PathVariable String code, @Nullable Integer leaseHours,
                                  @Nullable String selfApproval, @Nullable String releaseMode,
                                  @Nullable String _csrf) {
        return change(request, _csrf, "/admin/offices",
                me -> settings.update(code, leaseHours, "on".equals(selfApproval), mode(releaseMode)));
    }

    @Post(uri = "/admin/users/{id}/deactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> deactivate(HttpRequest<?> request, @PathVariable long id, @Nullable String _csrf) {
        return change(request, _csrf, me -> accounts.deactivate(id, me.actor()));
    }

    private static @Nullable ReleaseMode mode(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(ReleaseMode.values()).filter(m -> m.name().equals(value)).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_FAILED, "Unknown release mode")
                        .with("field", "releaseMode"));
    }

    private MutableHttpResponse<?> change(HttpRequest<?> request, @Nullable String csrf, StaffForms.Change change) {
        return change(request, csrf, "/admin/users", change);
    }

    private MutableHttpResponse<?> change(HttpRequest<?> request, @Nullable String csrf, String back,
                                          StaffForms.Change change) {
        return forms.change(request, admin(request), csrf, back, change);
    }

    private Optional<Staff> admin(HttpRequest<?> request) {
        return session.of(request).filter(s -> s.has(User.Role.ADMIN));
    }

    private Map<String, Object> model(HttpRequest<?> request, Staff me) {
        return forms.model(request, me);
    }
}
