package jp.kakehashi.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.views.ViewsRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import jp.kakehashi.http.Problems;
import jp.kakehashi.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content negotiation for errors: a browser that opens a stale or mistyped link under the pages
 * ({@code Accept: text/html}) gets the error page in its language, with the status kept, instead of
 * the problem+json every error is built as. {@code /api/} always answers problem+json, whatever the
 * client accepts, so scripts and the pages' own fetch calls keep branching on the stable code.
 * The page is rendered here: Micronaut's views filter does not render a body set on an error
 * response. If rendering fails, the problem+json goes out as it was.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class HtmlErrors {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlErrors.class);
    private final Messages messages;
    private final PageLocale locales;
    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;

    HtmlErrors(Messages messages, PageLocale locales, ViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
        this.messages = messages;
        this.locales = locales;
        this.views = views;
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!wantsPage(request) || !response.getContentType().map(Problems.PROBLEM_JSON::equals).orElse(false)
                || !(response.getBody().orElse(null) instanceof Map<?, ?> problem)) {
            return;
        }
        Map<String, Object> model = ReaderPages.base(messages, request,
                locales.of(request, request.getParameters().get("lang")));
        model.put("code", String.valueOf(problem.get("code")));
        String path = request.getPath();
        model.put("staff", path.startsWith("/work") || path.startsWith("/admin"));
        StringWriter page = new StringWriter();
        try {
            views.render("error", model, request).writeTo(page);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Error page not rendered, answering problem+json: {}", e.toString());
            return;
        }
        ((MutableHttpResponse<Object>) response).body(page.toString());
        response.contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=UTF-8");
    }

    static boolean wantsPage(HttpRequest<?> request) {
        String path = request.getPath();
        return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/health")
                && request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE)
                && !t.getType().equals("*"));
    }
}
