package jp.kakehashi.web;

import io.micronaut.http.HttpRequest;
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
import jp.kakehashi.bulletin.BulletinTitles;
import jp.kakehashi.http.ETags;

/** The titles form of a bulletin's work page: the API's {@code PUT …/titles}, version from the form. */
@Hidden
@Controller("/work/bulletins/{id}/titles")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class TitlePages {
    private final PageSession session;
    private final StaffForms forms;
    private final BulletinTitles titles;

    TitlePages(PageSession session, StaffForms forms, BulletinTitles titles) {
        this.session = session;
        this.forms = forms;
        this.titles = titles;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> retitle(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        var f = Forms.parse(body);
        String page = "/work/bulletins/" + id;
        return forms.change(request, session.of(request), Forms.first(f, "_csrf"), page, me -> titles.retitle(id, me,
                ETags.required(Forms.first(f, "version")), new BulletinTitles.TitlesCommand(Forms.first(f, "titleJa"),
                        Forms.first(f, "titleEn"))));
    }
}
