package jp.kakehashi.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.index.IndexRebuilds;
import jp.kakehashi.job.Job;
import jp.kakehashi.job.JobView;
import jp.kakehashi.job.Jobs;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;

/**
 * A job's page, a progress bar that reloads itself each second while the work runs (no script: a
 * refresh header), then the outcome in words and the way back; and the administrators' list of
 * recent jobs with the index rebuilds they can start.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class JobPages {
    static final int LISTED = 50;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final PageSession session;
    private final StaffForms forms;
    private final Jobs jobs;
    private final IndexRebuilds rebuilds;
    private final JsonMapper json;

    JobPages(PageSession session, StaffForms forms, Jobs jobs, IndexRebuilds rebuilds, JsonMapper json) {
        this.session = session;
        this.forms = forms;
        this.jobs = jobs;
        this.rebuilds = rebuilds;
        this.json = json;
    }

    /** A job as a page shows it: the view, its outcome in words, when it began, where its work is seen. */
    record Shown(JobView view, String outcome, String created, String back) {
        /** The bar's scale: an empty file's job is full when done, not a bar of zero width. */
        public long max() {
            return view.total() == null ? 1 : Math.max(1, view.total());
        }

        public long value() {
            return view.state() == Job.State.SUCCEEDED ? max() : view.done();
        }
    }

    @Get(uri = "/work/jobs/{id}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> job(HttpRequest<?> request, long id) {
        Optional<Staff> me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = forms.model(request, me.get());
        Texts t = (Texts) model.get("t");
        Optional<Job> job = jobs.findFor(id, me.get());
        if (job.isEmpty()) {
            model.put("code", "NOT_FOUND");
            return HttpResponse.notFound().body(new ModelAndView<>("error", model));
        }
        Shown shown = shown(job.get(), t);
        model.put("job", shown);
        MutableHttpResponse<?> page = HttpResponse.ok(new ModelAndView<>("job", model));
        return shown.view().state().live() ? page.header("Refresh", "1") : page;
    }

    @Get(uri = "/admin/jobs", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(HttpRequest<?> request) {
        Optional<Staff> me = session.of(request).filter(s -> s.has(User.Role.ADMIN));
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = forms.model(request, me.get());
        Texts t = (Texts) model.get("t");
        List<Shown> listed = jobs.newest(LISTED).stream().map(j -> shown(j, t)).toList();
        model.put("jobs", listed);
        model.put("indexes", rebuilds.names());
        MutableHttpResponse<?> page = HttpResponse.ok(new ModelAndView<>("jobs", model));
        return listed.stream().anyMatch(s -> s.view().state().live()) ? page.header("Refresh", "2") : page;
    }

    @Post(uri = "/admin/jobs/rebuild", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> rebuild(HttpRequest<?> request, @Body String body) {
        var f = Forms.parse(body);
        return forms.changeTo(request, session.of(request).filter(s -> s.has(User.Role.ADMIN)),
                Forms.first(f, "_csrf"), "/admin/jobs",
                me -> URI.create("/work/jobs/" + rebuilds.start(String.valueOf(Forms.first(f, "index")),
                        me.username()).id()));
    }

    private Shown shown(Job j, Texts t) {
        JobView v = JobView.of(j, json);
        return new Shown(v, outcome(v, t), t.dateTime(v.createdAt(), TOKYO), switch (v.kind()) {
            case TMX_IMPORT -> "/work/memory";
            case TBX_IMPORT -> "/work/glossary";
            case SEARCH_REBUILD, MEMORY_REBUILD -> "/admin/jobs";
        });
    }

    static String outcome(JobView v, Texts t) {
        if (v.error() != null) {
            return t.get("problem." + v.error().code()) + entry(v, t);
        }
        if (v.state() != Job.State.SUCCEEDED) {
            return "";
        }
        Map<String, Object> r = v.result();
        return switch (v.kind()) {
            case TMX_IMPORT -> t.fmt("page.tmxImported", "units", r.get("units"), "skipped", r.get("skipped"),
                    "total", r.get("total"));
            case TBX_IMPORT -> t.fmt("page.tbxImported", "created", r.get("created"), "updated", r.get("updated"),
                    "unchanged", r.get("unchanged"));
            case SEARCH_REBUILD, MEMORY_REBUILD -> t.fmt("page.indexRebuilt", "documents", r.get("documents"));
        };
    }

    /** Which entry of a file was refused, counted from 1 as people count. */
    private static String entry(JobView v, Texts t) {
        return v.result().get("entry") instanceof Number n ? " " + t.fmt("page.jobEntry", "entry", n.intValue() + 1)
                : "";
    }
}
