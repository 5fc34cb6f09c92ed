package jp.kakehashi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The OpenAPI document covers every API route the service has, and the browsing page loads. */
@MicronautTest(transactional = false)
class ApiDocsTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Router router;

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> paths() {
        Http.Response r = new Http(server, json).get("/api/openapi.yml");
        assertEquals(200, r.status(), r.body());
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r.body());
        assertTrue(String.valueOf(doc.get("openapi")).startsWith("3.1"), "an OpenAPI 3.1 document");
        return (Map<String, Map<String, Object>>) doc.get("paths");
    }

    @Test
    void everyApiRouteOfEveryControllerIsInTheDocument() {
        Map<String, Map<String, Object>> paths = paths();
        List<String> missing = new ArrayList<>();
        int routes = 0;
        for (var route : router.uriRoutes().toList()) {
            String path = route.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", "");
            // HEAD is answered for every GET by HTTP's own rule, not a route of its own to document
            if (!path.startsWith("/api/v1/") || route.getHttpMethod() == io.micronaut.http.HttpMethod.HEAD) {
                continue;
            }
            routes++;
            Map<String, Object> operations = paths.get(path);
            String method = route.getHttpMethod().name().toLowerCase(Locale.ROOT);
            if (operations == null || !operations.containsKey(method)) {
                missing.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        assertTrue(routes > 40, "the API's routes were found: " + routes);
        assertEquals(List.of(), missing, "routes missing from the document");
        assertEquals(List.of(), new TreeSet<>(paths.keySet()).stream().filter(p -> !p.startsWith("/api/v1/")).toList(),
                "the pages are not API");
    }

    @Test
    void theBrowsingPageLoadsSwaggerUiFromThisServiceOnly() {
        Http http = new Http(server, json);
        Http.Response page = http.get("/api/docs");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("/api/docs/swagger-ui-bundle.js") && !page.body().contains("<script>"),
                "no inline script: " + page.body());
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
        for (String file : List.of("swagger-ui-bundle.js", "swagger-ui.css", "api-docs.js")) {
            Http.Response r = http.get("/api/docs/" + file);
            assertEquals(200, r.status(), file);
            assertTrue(r.body().length() > 100, file);
        }
        assertEquals(404, http.get("/api/docs/index.html").status(), "only the files the page needs");
        assertEquals(404, http.get("/api/docs/..%2F..%2Fapplication.yml").status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDocumentsItsProblemAnswersWithAnExampleOfItsStatus() {
        Map<String, Map<String, Object>> paths = paths();
        int answers = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) operation.getValue())
                        .get("responses");
                String where = operation.getKey() + " " + path.getKey();
                assertTrue(responses.containsKey("503"), where + ": the database may be down");
                for (var response : responses.entrySet()) {
                    Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response.getValue())
                            .get("content");
                    if (response.getKey().startsWith("2") || content == null) {
                        continue;
                    }
                    Map<String, Object> problem = (Map<String, Object>) content.get("application/problem+json");
                    assertEquals(Map.of("$ref", "#/components/schemas/Problem"), problem.get("schema"), where);
                    Map<String, Object> example = (Map<String, Object>) problem.get("example");
                    assertEquals(response.getKey(), String.valueOf(ErrorCode.valueOf((String) example.get("code"))
                            .status().getCode()), where + ": the example's code has the answer's status");
                    assertEquals(Integer.valueOf(response.getKey()), example.get("status"), where);
                    answers++;
                }
            }
        }
        assertTrue(answers > 200, "answers documented: " + answers);
        Map<String, Object> search = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/search").get("get"))
                .get("responses");
        assertTrue(!search.containsKey("401") && search.containsKey("400"), "search is open to anyone: " + search.keySet());
        Map<String, Object> claim = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/pairs/{id}/{action}")
                .get("post")).get("responses");
        assertTrue(claim.keySet().containsAll(List.of("401", "403", "404", "409", "412", "423", "503")),
                "a workflow action: " + claim.keySet());
        for (String starts : List.of("/api/v1/tm/import", "/api/v1/glossary/import", "/api/v1/indexes/{name}/rebuild")) {
            Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) paths.get(starts).get("post"))
                    .get("responses");
            assertTrue(job.keySet().containsAll(List.of("202", "429")), "starts a job: " + starts + " " + job.keySet());
        }
        Map<String, Object> resend = (Map<String, Object>) ((Map<String, Object>) paths
                .get("/api/v1/webhooks/deliveries/{id}/redeliver").get("post")).get("responses");
        assertTrue(resend.containsKey("202") && !resend.containsKey("429") && !resend.containsKey("200"),
                "a re-send is queued, and no job queue can be full: " + resend.keySet());
        Map<String, Object> register = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/webhooks")
                .get("post")).get("responses");
        assertTrue(register.keySet().containsAll(List.of("201", "400", "403", "422")), "registration: " + register.keySet());
    }
}
