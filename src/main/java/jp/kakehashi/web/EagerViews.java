package jp.kakehashi.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

/**
 * Renders a page completely before its response starts. Micronaut Views hands the server a
 * {@link Writable} that renders while the body is written, and a template that fails there leaves
 * the request unanswered until the client gives up (micronaut-views issue 832). Rendered here, the
 * failure happens while the response can still be an error page; pages are a few kilobytes, so
 * holding one in memory costs nothing.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
class EagerViews<T> extends ThymeleafViewsRenderer<T> {

    EagerViews(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
               ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter page = new StringWriter(8192);
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
