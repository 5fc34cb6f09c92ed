package jp.kakehashi.index;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Not ready while an index has nothing to search: a new instance builds its indexes from MariaDB
 * after the server is up, and a load balancer checking {@code /health/readiness} must not send it
 * readers until then (they would get 503). An index of older analyzers answering during its
 * rebuild counts as ready: it answers.
 */
@Singleton
@Readiness
class IndexesReady implements HealthIndicator {
    private final List<IndexFollower> followers;

    IndexesReady(List<IndexFollower> followers) {
        this.followers = followers;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        List<String> building = followers.stream().filter(f -> f.appliedUpTo() < 0).map(f -> f.source().label())
                .sorted().toList();
        return Publishers.just(HealthResult.builder("indexes", building.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("building", building)).build());
    }
}
