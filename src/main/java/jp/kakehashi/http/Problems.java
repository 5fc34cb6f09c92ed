package jp.kakehashi.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.kakehashi.i18n.Messages;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/** Builds RFC 9457 problem+json responses with titles from the locale bundles. */
@Singleton
public class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    static final String RETRY_AFTER_SECONDS = "5";
    /** An extension key that becomes the Retry-After header instead of a body member. */
    public static final String RETRY_AFTER = "retryAfterSeconds";

    private final Messages messages;
    private final io.micrometer.core.instrument.MeterRegistry metrics;

    public Problems(Messages messages, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.messages = messages;
        this.metrics = metrics;
        // every cause is in the scrape from the start, at zero, so a rate or an alert has a series
        for (ErrorCode code : ErrorCode.values()) {
            if (code.status().getCode() == 503) {
                metrics.counter("kakehashi.unavailable", "cause", code.name());
            }
        }
    }

    public MutableHttpResponse<Map<String, Object>> response(HttpRequest<?> request, ErrorCode code,
                                                              String detail, Map<String, Object> extensions) {
        Locale locale = messages.localeOf(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", messages.format(locale, "problem." + code.name(), Map.of()));
        body.put("status", code.status().getCode());
        body.put("code", code.name());
        if (detail != null && !detail.isBlank()) {
            body.put("detail", detail);
        }
        if (request != null) {
            body.put("instance", request.getPath());
            String id = RequestIds.of(request);
            if (id != null) {
                body.put("requestId", id);
            }
        }
        extensions.forEach((k, v) -> {
            if (!RETRY_AFTER.equals(k)) {
                body.putIfAbsent(k, v);
            }
        });
        MutableHttpResponse<Map<String, Object>> response = HttpResponse.<Map<String, Object>>status(code.status())
                .body(body).contentType(PROBLEM_JSON);
        boolean unavailable = code.status().getCode() == 503;
        if (extensions.get(RETRY_AFTER) instanceof Long seconds) {
            response.header("Retry-After", Long.toString(seconds));
        } else if (unavailable) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (unavailable) {
            // what made the service unavailable: the database, the search index being built, …
            metrics.counter("kakehashi.unavailable", "cause", code.name()).increment();
        }
        return response;
    }

    public MutableHttpResponse<Map<String, Object>> response(HttpRequest<?> request, ApiException e) {
        return response(request, e.code(), e.getMessage(), e.extensions());
    }
}
