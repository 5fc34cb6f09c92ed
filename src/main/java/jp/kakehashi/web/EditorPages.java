package jp.kakehashi.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.i18n.Messages;
import jp.kakehashi.pair.PairDesk;
import jp.kakehashi.pair.Revisions;
import jp.kakehashi.qa.QaChecks;
import jp.kakehashi.security.Staff;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * What the pair page's script asks while a translator types, answered in JSON so the page stays put:
 * autosave of either draft form (which renews the lease) and QA of the row being edited. Signed in
 * by the page's cookie and guarded by its CSRF token, like the forms.
 */
@Hidden
@Controller("/work/pairs/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class EditorPages {
    private final PageSession session;
    private final Revisions revisions;
    private final PairDesk desk;
    private final Messages messages;
    private final PageLocale locales;

    EditorPages(PageSession session, Revisions revisions, PairDesk desk, Messages messages, PageLocale locales) {
        this.session = session;
        this.revisions = revisions;
        this.desk = desk;
        this.messages = messages;
        this.locales = locales;
    }

    interface Answer {
        Object of(Staff me);
    }

    @Post(uri = "/autosave", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> autosave(HttpRequest<?> request, @PathVariable long id, @Body String form) {
        Map<String, List<String>> f = Forms.parse(form);
        return answer(request, f, me -> {
            var saved = revisions.saveDraft(id, me, DraftForm.version(f), DraftForm.command(f));
            return Map.of("version", saved.version(), "leaseExpiresAt", String.valueOf(saved.leaseExpiresAt()));
        });
    }

    /** QA of one row: {@code sources} ("0+1") and {@code text}; the issues with their localised titles. */
    @Post(uri = "/check", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> check(HttpRequest<?> request, @PathVariable long id, @Body String form) {
        Map<String, List<String>> f = Forms.parse(form);
        Locale locale = locales.of(request, null);
        return answer(request, f, me -> Map.of("issues", desk.checkSegment(id, Forms.first(f, "sources"),
                Forms.first(f, "text")).stream().map(i -> issue(locale, i)).toList()));
    }

    private Map<String, String> issue(Locale locale, QaChecks.Issue i) {
        return Map.of("code", i.code(), "severity", i.severity().name(), "detail", i.detail(),
                "title", messages.format(locale, "qa." + i.code(), Map.of()));
    }

    private MutableHttpResponse<?> answer(HttpRequest<?> request, Map<String, List<String>> f, Answer answer) {
        Optional<Staff> me = session.of(request);
        Locale locale = locales.of(request, null);
        if (me.isEmpty() || !Csrf.valid(request, Forms.first(f, "_csrf"))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(problem(locale, ErrorCode.FORBIDDEN));
        }
        try {
            return HttpResponse.ok(answer.of(me.get()));
        } catch (ApiException e) {
            return HttpResponse.status(e.code().status()).body(problem(locale, e.code()));
        }
    }

    private Map<String, String> problem(Locale locale, ErrorCode code) {
        return Map.of("code", code.name(), "title", messages.format(locale, "problem." + code.name(), Map.of()));
    }
}
