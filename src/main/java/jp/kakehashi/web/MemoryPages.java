package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
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
import jp.kakehashi.job.Job;
import jp.kakehashi.job.Jobs;
import jp.kakehashi.memory.Concordance;
import jp.kakehashi.memory.MemoryQueries;
import jp.kakehashi.memory.TmUnit;
import jp.kakehashi.memory.TranslationMemory;
import jp.kakehashi.system.ApiException;

/**
 * The translation memory's page: find a phrase in it (concordance, the phrase marked), download it as
 * TMX page by page, and, for editors and admins, import a TMX file: a job whose page shows its progress.
 */
@Hidden
@Controller("/work/memory")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class MemoryPages {
    static final int EXPORT_PAGE = 5_000;
    private final PageSession session;
    private final StaffForms forms;
    private final TranslationMemory memory;
    private final MemoryQueries queries;
    private final Jobs jobs;

    MemoryPages(PageSession session, StaffForms forms, TranslationMemory memory, MemoryQueries queries, Jobs jobs) {
        this.jobs = jobs;
        this.session = session;
        this.forms = forms;
        this.memory = memory;
        this.queries = queries;
    }

    /** A piece of a unit's text, {@code mark}ed where it matched the phrase. */
    record Piece(String text, boolean mark) {
        static List<Piece> of(String text, List<Concordance.Span> spans) {
            List<Piece> pieces = new ArrayList<>();
            int at = 0;
            for (Concordance.Span s : spans) {
                if (s.start() < at || s.end() > text.length()) {
                    continue;
                }
                pieces.add(new Piece(text.substring(at, s.start()), false));
                pieces.add(new Piece(text.substring(s.start(), s.end()), true));
                at = s.end();
            }
            pieces.add(new Piece(text.substring(at), false));
            return pieces;
        }
    }

    record Row(Concordance.Hit hit, List<Piece> source) {
    }

    @Get(uri = "{?q,lang,error}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> page(HttpRequest<?> request, @Nullable String q, @Nullable String lang,
                                @Nullable String error) {
        var me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = forms.model(request, me.get());
        model.put("q", q == null ? "" : q);
        model.put("lang", "en".equals(lang) ? "en" : "ja");
        model.put("size", memory.size());
        model.put("error", error);
        model.put("rows", List.of());
        if (q != null && !q.isBlank()) {
            try {
                Concordance.Result found = queries.concordance(q, (String) model.get("lang"), 50);
                model.put("rows", found.hits().stream().map(h -> new Row(h, Piece.of(h.unit().source(),
                        h.highlights()))).toList());
            } catch (ApiException e) {
                model.put("error", e.code().name());
            }
        }
        return HttpResponse.ok(new ModelAndView<>("memory", model));
    }

    /** One file of up to {@value #EXPORT_PAGE} units; {@code after} continues where the last one ended. */
    @Get(uri = "/export.tmx{?after}", produces = "application/x-tmx+xml")
    MutableHttpResponse<?> export(HttpRequest<?> request, @Nullable Long after) {
        var me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        List<TmUnit> page = memory.page(after == null ? 0 : Math.max(0, after), EXPORT_PAGE);
        return HttpResponse.ok(memory.exportTmx(page, me.get().username()))
                .header("Content-Disposition", "attachment; filename=\"kakehashi-memory.tmx\"");
    }

    @Post(uri = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> importFile(HttpRequest<?> request, @Nullable @Part("file") CompletedFileUpload file,
                                      @Nullable @Part("_csrf") String _csrf) {
        return forms.changeTo(request, session.of(request), _csrf, "/work/memory", me -> {
            byte[] tmx = XliffPages.bytes(file);
            memory.mayImport(tmx, me);
            return URI.create("/work/jobs/" + jobs.submit(Job.Kind.TMX_IMPORT, me.username(),
                    p -> memory.importTmx(tmx, me, p)).id());
        });
    }
}
