package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import jp.kakehashi.exchange.XliffDrafts;
import jp.kakehashi.exchange.XliffFormat;

/**
 * XLIFF from the pages: download a pair's or a bulletin's file for a CAT tool, send the translated
 * file back with a file field. The same service as the API ({@link XliffDrafts}), so the page saves,
 * skips and refuses exactly as the API does; the answer comes back as counts on the page.
 */
@Hidden
@Controller("/work")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class XliffPages {
    private final PageSession session;
    private final StaffForms forms;
    private final XliffDrafts drafts;

    XliffPages(PageSession session, StaffForms forms, XliffDrafts drafts) {
        this.session = session;
        this.forms = forms;
        this.drafts = drafts;
    }

    @Get(uri = "/pairs/{id}/xliff", produces = XliffFormat.MEDIA_TYPE)
    MutableHttpResponse<?> pairFile(HttpRequest<?> request, @PathVariable long id) {
        if (session.of(request).isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        return download(drafts.pairFile(id), "pair-" + id);
    }

    @Get(uri = "/bulletins/{id}/xliff", produces = XliffFormat.MEDIA_TYPE)
    MutableHttpResponse<?> bulletinFile(HttpRequest<?> request, @PathVariable long id) {
        if (session.of(request).isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        return download(drafts.bulletinFile(id), "bulletin-" + id);
    }

    @Post(uri = "/pairs/{id}/xliff", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> pairUpload(HttpRequest<?> request, @PathVariable long id,
                                      @Nullable @Part("file") CompletedFileUpload file,
                                      @Nullable @Part("_csrf") String _csrf) {
        String back = "/work/pairs/" + id;
        return forms.changeTo(request, session.of(request), _csrf, back, me -> {
            drafts.savePair(id, me, bytes(file));
            return UriBuilder.of(back).queryParam("xliff", "saved").build();
        });
    }

    @Post(uri = "/bulletins/{id}/xliff", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> bulletinUpload(HttpRequest<?> request, @PathVariable long id,
                                          @Nullable @Part("file") CompletedFileUpload file,
                                          @Nullable @Part("_csrf") String _csrf) {
        String back = "/work/bulletins/" + id;
        return forms.changeTo(request, session.of(request), _csrf, back, me -> {
            XliffDrafts.BulletinUpload done = drafts.saveBulletin(id, me, bytes(file));
            return UriBuilder.of(back).queryParam("saved", done.saved().size())
                    .queryParam("skipped", done.skipped().size()).build();
        });
    }

    static byte[] bytes(@Nullable CompletedFileUpload file) {
        if (file == null) {
            return new byte[0];
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MutableHttpResponse<byte[]> download(byte[] body, String name) {
        return HttpResponse.ok(body).header("Content-Disposition", "attachment; filename=\"" + name + ".xlf\"")
                .header("X-Content-Type-Options", "nosniff");
    }
}
