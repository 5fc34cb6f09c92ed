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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.bulletin.Bulletin;
import jp.kakehashi.bulletin.TextImports;
import jp.kakehashi.bulletin.imports.TextBodies;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * The editors' import page: paste a flash bulletin or a report, see what it becomes (items, offices,
 * date, captions, removed lines) and why it would be refused, then import. Preview and import run
 * the API's one path ({@link TextImports}), so the page can neither accept nor refuse differently.
 */
@Hidden
@Controller("/work/import")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class ImportPages {
    private final PageSession session;
    private final StaffForms forms;
    private final TextImports imports;
    private final OfficeDirectory offices;

    ImportPages(PageSession session, StaffForms forms, TextImports imports, OfficeDirectory offices) {
        this.session = session;
        this.forms = forms;
        this.imports = imports;
        this.offices = offices;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> form(HttpRequest<?> request) {
        Optional<Staff> me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = model(request, me.get(), Map.of());
        if (!me.get().has(User.Role.EDITOR)) {
            model.put("error", ErrorCode.FORBIDDEN.name());
        }
        return HttpResponse.ok(new ModelAndView<>("import", model));
    }

    /** {@code step=preview} shows what the text becomes; {@code step=import} stores it and opens its page. */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> submit(HttpRequest<?> request, @Body String body) {
        Optional<Staff> me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, List<String>> f = Forms.parse(body);
        Map<String, Object> model = model(request, me.get(), f);
        try {
            if (!Csrf.valid(request, Forms.first(f, "_csrf")) || !me.get().has(User.Role.EDITOR)) {
                throw new ApiException(ErrorCode.FORBIDDEN, "Editors import bulletins");
            }
            TextImports.Parsed parsed = parse(f);
            model.put("preview", parsed);
            boolean confirmed = "on".equals(Forms.first(f, "confirm"));
            if ("import".equals(Forms.first(f, "step"))) {
                Bulletin b = imports.store(parsed, me.get().actor(), confirmed);
                return HttpResponse.seeOther(URI.create("/work/bulletins/" + b.id()));
            }
            imports.preview(parsed, confirmed);
            model.put("ready", true);
        } catch (ApiException e) {
            model.put("error", e.code().name());
            model.put("detail", e.getMessage());
            if (e.extensions().get("candidates") instanceof List<?> dates) {
                model.put("candidates", dates.stream().map(d -> LocalDate.parse(String.valueOf(d))).toList());
            }
            model.put("duplicate", e.code() == ErrorCode.POSSIBLE_DUPLICATE);
            return HttpResponse.status(e.code().status()).body(new ModelAndView<>("import", model));
        }
        return HttpResponse.ok(new ModelAndView<>("import", model));
    }

    private TextImports.Parsed parse(Map<String, List<String>> f) {
        String text = TextBodies.decode(Forms.first(f, "text") == null ? new byte[0]
                : Forms.first(f, "text").getBytes(StandardCharsets.UTF_8));
        LocalDate publishedOn = date(Forms.first(f, "candidate") != null ? Forms.first(f, "candidate")
                : Forms.first(f, "publishedOn"));
        return switch (String.valueOf(Forms.first(f, "kind"))) {
            case "report" -> imports.report(text, Forms.first(f, "office"), Forms.first(f, "sourceLang"), publishedOn);
            case "html" -> imports.htmlReport(text, Forms.first(f, "office"), Forms.first(f, "sourceLang"), publishedOn);
            default -> imports.flash(text, publishedOn);
        };
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter("publishedOn", "publishedOn must be YYYY-MM-DD");
        }
    }

    /** The page with the form as it was sent, so a refusal or a preview keeps what the editor pasted. */
    private Map<String, Object> model(HttpRequest<?> request, Staff me, Map<String, List<String>> f) {
        Map<String, Object> model = forms.model(request, me);
        model.put("offices", offices.all());
        model.put("candidates", List.of());
        for (String field : List.of("kind", "office", "sourceLang", "publishedOn", "text")) {
            String value = Forms.first(f, field);
            model.put(field, value == null ? "" : value);
        }
        String candidate = Forms.first(f, "candidate");
        if (candidate != null) {
            model.put("publishedOn", candidate);
        }
        return model;
    }
}
