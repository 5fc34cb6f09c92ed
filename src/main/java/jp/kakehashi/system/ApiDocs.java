package jp.kakehashi.system;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import jakarta.inject.Provider;
import jp.kakehashi.i18n.Messages;
import io.micronaut.web.router.Router;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI document micronaut-openapi generates from the controllers at compile time, and a page
 * to browse it: Swagger UI from its webjar, started by a script file of ours, so the CSP stays strict
 * (no inline script, nothing from another origin). Anyone may read them, as the API's shape is no
 * secret; every endpoint still checks who calls it.
 */
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class ApiDocs {
    static final String DOCUMENT = "META-INF/swagger/kakehashi-1.yml";
    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.35.0/";
    /** The files of the webjar the page loads; nothing else of it is served. */
    private static final Map<String, String> UI_FILES = Map.of("swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript");
    private static final Set<String> OWN = Set.of("api-docs.js");
    private final Provider<Router> router;
    private final Messages messages;
    private volatile byte[] document;

    ApiDocs(Provider<Router> router, Messages messages) {
        this.router = router;
        this.messages = messages;
    }

    @Get(uri = "/openapi.yml", produces = "application/yaml")
    HttpResponse<byte[]> document() {
        return HttpResponse.ok(withProblems()).header("Cache-Control", "public, max-age=3600");
    }

    /**
     * The generated document with every operation's problem answers added ({@link ApiProblems}), made
     * on first use: the routes it reads are complete only once every controller is known.
     */
    @SuppressWarnings("unchecked")
    private byte[] withProblems() {
        byte[] d = document;
        if (d == null) {
            Map<String, Boolean> open = new java.util.HashMap<>();
            router.get().uriRoutes().forEach(r -> open.put(r.getHttpMethod().name().toLowerCase(java.util.Locale.ROOT)
                    + " " + r.getUriMatchTemplate().toPathString(), java.util.Arrays.asList(
                    r.getAnnotationMetadata().stringValues(Secured.class)).contains(SecurityRule.IS_ANONYMOUS)));
            Map<String, Object> doc = new Yaml().load(new String(read(DOCUMENT), StandardCharsets.UTF_8));
            ApiProblems.add(doc, at -> open.get(at.method() + " " + at.path()),
                    code -> messages.format(java.util.Locale.ENGLISH, "problem." + code.name(), Map.of()));
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            options.setWidth(120);
            d = new Yaml(options).dump(doc).getBytes(StandardCharsets.UTF_8);
            document = d;
        }
        return d;
    }

    @Get(uri = "/docs", produces = "text/html")
    HttpResponse<byte[]> page() {
        return HttpResponse.ok(read("assets/api-docs.html"));
    }

    @Get(uri = "/docs/{file}")
    HttpResponse<byte[]> asset(@PathVariable String file) {
        if (UI_FILES.containsKey(file)) {
            return HttpResponse.ok(read(SWAGGER_UI + file)).contentType(UI_FILES.get(file))
                    .header("Cache-Control", "public, max-age=86400");
        }
        if (OWN.contains(file)) {
            return HttpResponse.ok(read("assets/" + file)).contentType("text/javascript");
        }
        throw ApiException.notFound("No such file: " + file);
    }

    private static byte[] read(String path) {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
