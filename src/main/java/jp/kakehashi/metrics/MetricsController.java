package jp.kakehashi.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * The Prometheus scrape, for administrators (Prometheus sends an admin's bearer token): HTTP, JVM
 * and connection-pool metrics from Micrometer's binders, search latency, sign-in failures, and the
 * work's numbers ({@link DomainGauges}). Admin-only rather than open on a management port, as the
 * counts per office say more about the offices' work than a reader should see.
 */
@Controller("/api/v1/metrics")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
class MetricsController {
    private final PrometheusMeterRegistry registry;
    private final DomainGauges gauges;
    private final StaffLookup staff;

    MetricsController(PrometheusMeterRegistry registry, DomainGauges gauges, StaffLookup staff) {
        this.registry = registry;
        this.gauges = gauges;
        this.staff = staff;
    }

    @Get(produces = "text/plain; version=0.0.4; charset=utf-8")
    HttpResponse<String> scrape(@Nullable Authentication auth) {
        if (!staff.require(auth).has(User.Role.ADMIN)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Administrators only");
        }
        gauges.refresh();
        return HttpResponse.ok(registry.scrape());
    }
}
