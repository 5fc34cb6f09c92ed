package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.bulletin.BulletinReader;
import jp.kakehashi.bulletin.BulletinRelease;
import jp.kakehashi.bulletin.BulletinWithdrawal;
import jp.kakehashi.security.Staff;

/**
 * A bulletin's staff page and what editors do to a whole bulletin from it: release its editions,
 * retract, withdraw. The same services as the API; a refusal comes back as the problem's title.
 */
@Hidden
@Controller("/work/bulletins")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class BulletinPages {
    private final PageSession session;
    private final StaffForms forms;
    private final BulletinReader bulletins;
    private final BulletinRelease releases;
    private final BulletinWithdrawal withdrawals;

    BulletinPages(PageSession session, StaffForms forms, BulletinReader bulletins, BulletinRelease releases,
                  BulletinWithdrawal withdrawals) {
        this.session = session;
        this.forms = forms;
        this.bulletins = bulletins;
        this.releases = releases;
        this.withdrawals = withdrawals;
    }

    /** {@code saved}, {@code skipped}: the counts of a bulletin's XLIFF file just sent ({@link XliffPages}). */
    @Get(uri = "/{id}{?error,saved,skipped}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> bulletin(HttpRequest<?> request, @PathVariable long id, @Nullable String error,
                                    @Nullable Integer saved, @Nullable Integer skipped) {
        Optional<Staff> me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = forms.model(request, me.get());
        model.put("bulletin", bulletins.bulletin(id, true));
        model.put("saved", saved);
        model.put("skipped", skipped == null ? 0 : skipped);
        model.put("error", error);
        return HttpResponse.ok(new ModelAndView<>("work-bulletin", model));
    }

    @Post(uri = "/{id}/release", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> release(HttpRequest<?> request, @PathVariable long id, @Nullable Long pair,
                                   @Nullable String _csrf) {
        String target = pair == null ? "/work/bulletins/" + id : "/work/pairs/" + pair;
        return change(request, _csrf, target, me -> releases.release(id, me, null));
    }

    @Post(uri = "/{id}/release-source", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> releaseSource(HttpRequest<?> request, @PathVariable long id, @Nullable String _csrf) {
        return change(request, _csrf, "/work/bulletins/" + id, me -> releases.releaseSource(id, me, null));
    }

    @Post(uri = "/{id}/retract", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> retract(HttpRequest<?> request, @PathVariable long id, @Nullable String reason,
                                   @Nullable String _csrf) {
        return change(request, _csrf, "/work/bulletins/" + id, me -> releases.retract(id, me, reason, null));
    }

    /** Back to the work list when the bulletin is gone; to its page with the refusal otherwise. */
    @Post(uri = "/{id}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> withdraw(HttpRequest<?> request, @PathVariable long id, @Nullable String reason,
                                    @Nullable String _csrf) {
        return forms.change(request, session.of(request), _csrf, "/work/bulletins/" + id, "/work?withdrawn=" + id, me -> {
            withdrawals.withdraw(id, me, reason);
            return id;
        });
    }

    private MutableHttpResponse<?> change(HttpRequest<?> request, @Nullable String csrf, String target,
                                          StaffForms.Change change) {
        return forms.change(request, session.of(request), csrf, target, change);
    }
}
