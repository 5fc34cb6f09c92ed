package jp.kakehashi.metrics;

import static jp.kakehashi.support.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;

/** The Prometheus scrape: admins only, the standard metrics, and the work's own numbers as they are. */
@MicronautTest(transactional = false)
class MetricsApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void adminsScrapeTheStandardMetricsAndTheWorksOwnNumbers() {
        Http anonymous = new Http(server, json);
        Staffing staffing = new Staffing(anonymous);
        Http admin = staffing.admin();
        var editor = staffing.editor("SIN");
        String before = admin.get("/api/v1/metrics").body();
        double sinUntranslated = value(before, "kakehashi_pairs{office=\"SIN\",state=\"UNASSIGNED\"}");
        double failures = value(before, "kakehashi_signin_failures_total");

        Fixtures.bulletin(editor.http(), "SIN", 3, false);
        assertEquals(401, anonymous.postJson("/api/v1/auth/login", Map.of("username", editor.username(),
                "password", "not the password")).status());
        assertEquals(200, anonymous.get("/api/v1/search?q=x").status());

        Http.Response r = admin.get("/api/v1/metrics");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
        String scrape = r.body();
        assertEquals(sinUntranslated + 3, value(scrape, "kakehashi_pairs{office=\"SIN\",state=\"UNASSIGNED\"}"), scrape);
        assertEquals(0, value(scrape, "kakehashi_mail_outbox{state=\"FAILED\"}"), "every state has its series");
        assertEquals(0, value(scrape, "kakehashi_webhook_deliveries{state=\"PENDING\"}"));
        assertEquals(failures + 1, value(scrape, "kakehashi_signin_failures_total"));
        assertTrue(scrape.contains("kakehashi_search_seconds_bucket{"), "search latency as a histogram");
        assertTrue(scrape.contains("kakehashi_outbox_lag_rows{indexer=\"search\"}"));
        assertTrue(value(scrape, "kakehashi_outbox_lag_seconds{indexer=\"memory\"}") >= 0, "the memory index's lag too");
        assertTrue(scrape.contains("jvm_memory_used_bytes"), "JVM metrics");
        assertTrue(scrape.contains("http_server_requests_seconds"), "HTTP metrics");

        assertProblem(editor.http().get("/api/v1/metrics"), 403, "FORBIDDEN");
        assertProblem(anonymous.get("/api/v1/metrics"), 401, "UNAUTHORIZED");
        assertEquals(404, anonymous.get("/prometheus").status(), "no open endpoint beside it");
    }

    @Test
    void everyMetricTheSampleDashboardAndAlertsUseIsOneTheServiceExports() throws java.io.IOException {
        Http anonymous = new Http(server, json);
        Staffing staffing = new Staffing(anonymous);
        var editor = staffing.editor("SIN");
        assertEquals(200, editor.http().get("/api/v1/tm/lookup?text=" + java.net.URLEncoder.encode("交流会を開いた。",
                java.nio.charset.StandardCharsets.UTF_8) + "&lang=ja").status());
        assertEquals(200, anonymous.get("/api/v1/search?q=x").status());
        String scrape = staffing.admin().get("/api/v1/metrics").body();
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (String file : java.util.List.of("docker/grafana-dashboard.json", "docker/prometheus-alerts.yml")) {
            Matcher m = Pattern.compile("\\b((?:kakehashi|http_server)_[a-z_]+)").matcher(
                    java.nio.file.Files.readString(java.nio.file.Path.of(file)));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertTrue(used.size() >= 8, "the samples use the service's metrics: " + used);
        java.util.List<String> unknown = used.stream().filter(name -> !Pattern.compile("(?m)^" + name + "[{ ]")
                .matcher(scrape).find()).toList();
        assertEquals(java.util.List.of(), unknown, "metrics the dashboard or the alerts name but the service lacks");
    }

    @Test
    void theDockerHealthcheckTellsReadinessWithBashAloneAndFailsOnAClosedPort() throws Exception {
        // the HEALTHCHECK line of docker/Dockerfile, run as Docker runs it, against this service's port
        String dockerfile = java.nio.file.Files.readString(java.nio.file.Path.of("docker", "Dockerfile"));
        Matcher cmd = Pattern.compile("HEALTHCHECK [^\\n]*\\\\\\n\\s*CMD (\\[.*])").matcher(dockerfile);
        assertTrue(cmd.find(), "a HEALTHCHECK with an exec-form CMD");
        java.util.List<String> argv = json.readValue(cmd.group(1), io.micronaut.core.type.Argument.listOf(String.class));
        assertEquals("bash", argv.getFirst(), "no JVM for a health check");
        assertEquals(0, run(argv, server.getPort()), "ready service");
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertTrue(run(argv, closed) != 0, "nothing listening");
    }

    private static int run(java.util.List<String> argv, int port) throws Exception {
        java.util.List<String> command = argv.stream().map(a -> a.replace("/8080", "/" + port)).toList();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the check ends");
        return p.exitValue();
    }
}
