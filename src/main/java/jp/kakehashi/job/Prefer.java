package jp.kakehashi.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The {@code Prefer} request header (RFC 7240): {@code respond-async} asks for 202 and a job to follow
 * instead of waiting for the work. Without it an import answers when done, as it always has, so
 * scripts written for that keep working; the pages always ask for a job.
 */
public final class Prefer {
    public static final String HEADER = "Prefer";
    public static final String APPLIED = "Preference-Applied";
    public static final String RESPOND_ASYNC = "respond-async";

    private Prefer() {
    }

    /**
     * An import's answer: without {@code respond-async} it runs {@code now} and answers 200 with its
     * result; with it, {@code job} (which refuses at once what it can, then queues the work) answers
     * 202 with the job to follow, saying the preference was applied.
     */
    public static HttpResponse<?> answer(@Nullable String header, Supplier<?> now, Supplier<Job> job, JsonMapper json) {
        if (!respondAsync(header)) {
            return HttpResponse.ok(now.get());
        }
        return JobView.accepted(job.get(), json).header(APPLIED, RESPOND_ASYNC);
    }

    public static boolean respondAsync(@Nullable String header) {
        if (header == null) {
            return false;
        }
        for (String preference : header.split(",")) {
            String token = preference.split(";", 2)[0].split("=", 2)[0].strip();
            if (token.toLowerCase(Locale.ROOT).equals(RESPOND_ASYNC)) {
                return true;
            }
        }
        return false;
    }
}
