package jp.kakehashi.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A job's status resource: its counts and the percentage they make, an estimate of the time left
 * from the rate so far, and at the end either the work's result or the problem that stopped it.
 */
@Serdeable
public record JobView(long id, Job.Kind kind, Job.State state, @Nullable Long total, long done,
                      @Nullable Integer percent, @Nullable Long etaSeconds, String startedBy, Instant createdAt,
                      @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Failure error,
                      Map<String, Object> result, String self) {

    @Serdeable
    public record Failure(String code, String detail) {
    }

    public static JobView of(Job j, JsonMapper json) {
        return new JobView(j.id(), j.kind(), j.state(), j.total(), j.done(), percent(j), eta(j, Instant.now()),
                j.startedBy(), j.createdAt(), j.startedAt(), j.finishedAt(),
                j.errorCode() == null ? null : new Failure(j.errorCode(), j.errorDetail()), result(j, json),
                "/api/v1/jobs/" + j.id());
    }

    /** 202 Accepted with the status resource's address: where a client follows the job. */
    public static MutableHttpResponse<JobView> accepted(Job j, JsonMapper json) {
        return HttpResponse.accepted(URI.create("/api/v1/jobs/" + j.id())).body(of(j, json))
                .header("Retry-After", "1");
    }

    static Integer percent(Job j) {
        if (j.state() == Job.State.SUCCEEDED) {
            return 100;
        }
        if (j.total() == null) {
            return null;
        }
        return j.total() == 0 ? 0 : (int) Math.min(100, j.done() * 100 / j.total());
    }

    /** The time left at the rate so far; none before the first thing is done or once the job ended. */
    static Long eta(Job j, Instant now) {
        if (j.state() != Job.State.RUNNING || j.startedAt() == null || j.total() == null || j.done() <= 0) {
            return null;
        }
        long elapsed = Duration.between(j.startedAt(), now).toMillis();
        return Math.max(0, elapsed * (j.total() - j.done()) / j.done() / 1000);
    }

    private static Map<String, Object> result(Job j, JsonMapper json) {
        if (j.result() == null) {
            return Map.of();
        }
        try {
            return json.readValue(j.result(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            return Map.of();
        }
    }
}
