package jp.kakehashi.http;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One id per request, carried from a proxy's {@code X-Request-Id} (or made here), into every log
 * line written while the request is served (MDC {@code requestId}, across the threads Micronaut
 * hands the request to), into problem+json bodies ({@code requestId}) and back in the response's
 * {@code X-Request-Id}: a person reporting an error gives the id, the operator finds the lines.
 * A sent id that is not a plain token (letters, digits, {@code . _ -}, at most 64) is replaced,
 * so a header cannot forge log lines. Runs before the security filter, so its refusals carry it too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIds implements Ordered {
    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "kakehashi.requestId";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String sent = request.getHeaders().get(HEADER);
        String id = sent != null && TOKEN.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        context.add(new MdcPropagationContext(Map.of("requestId", id)));
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = of(request);
        if (id != null) {
            response.header(HEADER, id);
        }
    }

    /** The id of a request this filter has seen, else null (a request Netty refused before routing). */
    static @Nullable String of(@Nullable HttpRequest<?> request) {
        return request == null ? null : request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }
}
