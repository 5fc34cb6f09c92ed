package jp.kakehashi.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.Map;
import jp.kakehashi.pair.PairDesk;
import jp.kakehashi.pair.PairHistory;

/** What one revision changed, opened from a history entry of the pair page. */
@Hidden
@Controller("/work/pairs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class HistoryPages {
    private final PageSession session;
    private final StaffForms forms;
    private final PairDesk desk;
    private final PairHistory history;

    HistoryPages(PageSession session, StaffForms forms, PairDesk desk, PairHistory history) {
        this.session = session;
        this.forms = forms;
        this.desk = desk;
        this.history = history;
    }

    @Get(uri = "/{id}/diff/{side}/{revision}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> revision(HttpRequest<?> request, @PathVariable long id, @PathVariable String side,
                                    @PathVariable int revision) {
        var me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = forms.model(request, me.get());
        var pair = desk.pair(id);
        model.put("pair", pair);
        model.put("side", side);
        model.put("lang", "source".equals(side) ? pair.sourceLang() : pair.targetLang());
        model.put("diff", history.revision(id, side, revision));
        return HttpResponse.ok(new ModelAndView<>("diff", model));
    }
}
