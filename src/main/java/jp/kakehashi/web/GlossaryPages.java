package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.Map;
import jp.kakehashi.glossary.Glossary;
import jp.kakehashi.glossary.GlossaryCommand;
import jp.kakehashi.job.Job;
import jp.kakehashi.job.Jobs;
import jp.kakehashi.office.OfficeDirectory;

/** The glossary page: every signed-in staff member reads it and exports it (TBX); editors and admins keep it. */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class GlossaryPages {
    static final int SHOWN = 500;
    private final PageSession session;
    private final StaffForms forms;
    private final Glossary glossary;
    private final OfficeDirectory offices;
    private final Jobs jobs;

    GlossaryPages(PageSession session, StaffForms forms, Glossary glossary, OfficeDirectory offices, Jobs jobs) {
        this.jobs = jobs;
        this.session = session;
        this.forms = forms;
        this.glossary = glossary;
        this.offices = offices;
    }

    @Get(uri = "/work/glossary{?error,q}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable String error, @Nullable String q) {
        var me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = forms.model(request, me.get());
        model.put("terms", glossary.find(q, null).stream().limit(SHOWN).toList());
        model.put("q", q == null ? "" : q);
        model.put("offices", offices.all());
        model.put("error", error);
        return HttpResponse.ok(new ModelAndView<>("glossary", model));
    }

    @Get(uri = "/work/glossary/export.tbx", produces = "application/x-tbx+xml")
    MutableHttpResponse<?> export(HttpRequest<?> request) {
        if (session.of(request).isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        return HttpResponse.ok(glossary.exportTbx())
                .header("Content-Disposition", "attachment; filename=\"kakehashi-glossary.tbx\"");
    }

    /** A TBX file from the page: the whole file or nothing, as through the API; a job whose page shows how far. */
    @Post(uri = "/work/glossary/import", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> importFile(HttpRequest<?> request, @Nullable @Part("file") CompletedFileUpload file,
                                      @Nullable @Part("_csrf") String _csrf) {
        return forms.changeTo(request, session.of(request), _csrf, "/work/glossary", me -> {
            byte[] tbx = XliffPages.bytes(file);
            glossary.mayImport(tbx);
            return URI.create("/work/jobs/" + jobs.submit(Job.Kind.TBX_IMPORT, me.username(),
                    p -> glossary.importTbx(tbx, me, p)).id());
        });
    }

    @Post(uri = "/work/glossary", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Body String body) {
        var f = Forms.parse(body);
        return forms.change(request, session.of(request), Forms.first(f, "_csrf"), "/work/glossary",
                me -> glossary.create(new GlossaryCommand(Forms.first(f, "termJa"), Forms.first(f, "termEn"),
                        Forms.first(f, "note"), Forms.first(f, "office"), Forms.first(f, "status")), me));
    }

    @Post(uri = "/work/glossary/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> delete(HttpRequest<?> request, @PathVariable long id, @Nullable String _csrf) {
        return forms.change(request, session.of(request), _csrf, "/work/glossary", me -> {
            glossary.delete(id, me);
            return null;
        });
    }
}
