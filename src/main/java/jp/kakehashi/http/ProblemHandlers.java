package jp.kakehashi.http;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.ContentLengthNotAllowedException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.TransferEncodingNotAllowedException;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Every error leaves the service as problem+json. {@link ApiException}s are ours; the processor
 * below reshapes what Micronaut answers by itself (no route, wrong method, 413, bad JSON …).
 */
final class ProblemHandlers {
    private ProblemHandlers() {
    }

    @Singleton
    @Produces
    static final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {
        private final Problems problems;

        ApiExceptionHandler(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ApiException exception) {
            return problems.response(request, exception);
        }
    }

    @Singleton
    @Produces
    @Replaces(io.micronaut.http.server.exceptions.ConversionErrorHandler.class)
    static final class ConversionHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        private final Problems problems;

        ConversionHandler(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
            String name = e.getArgument().getName();
            return problems.response(request, ErrorCode.INVALID_PARAMETER, "Invalid value for '" + name + "'",
                    Map.of("field", name));
        }
    }

    @Primary
    @Singleton
    @Replaces(ErrorResponseProcessor.class)
    static final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {
        private final Problems problems;

        ProblemErrorResponseProcessor(Problems problems) {
            this.problems = problems;
        }

        @Override
        public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context,
                                                                       MutableHttpResponse<?> base) {
            Throwable cause = decoderCause(context.getRequest()).orElse(null);
            Optional<ErrorCode> decoder = decoderFailure(cause, base.getStatus());
            HttpStatus answered = decoder.map(ErrorCode::status).orElse(base.getStatus());
            int status = answered.getCode();
            ErrorCode code = decoder.orElse(ErrorCode.forStatus(status));
            if (status == 400 && context.getRootCause().map(ProblemHandlers::isJsonProblem).orElse(false)) {
                code = ErrorCode.MALFORMED_JSON;
            }
            // Micronaut's own messages may echo request text; keep them only for client errors.
            String detail = status < 500
                    ? context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "))
                    : null;
            if (cause instanceof FramingGuard.RefusedRequestException || isFramingRefusal(cause)) {
                detail = cause.getMessage(); // fixed texts of ours and Netty's, never request text
            }
            MutableHttpResponse<Map<String, Object>> response = problems.response(context.getRequest(), code,
                    detail, Map.of());
            base.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-type") && !name.equalsIgnoreCase("content-length")) {
                    values.forEach(v -> response.header(name, v));
                }
            });
            return response.status(answered);
        }
    }

    /**
     * Micronaut answers 413 for every limit Netty's decoder enforces, and drops which one it was: a
     * header or a request line past its limit is then told its body is too large. The decoder's
     * cause on the request says which; it also carries the framing refusals (400) of Netty and of
     * {@link FramingGuard}.
     */
    private static Optional<ErrorCode> decoderFailure(Throwable decoderCause, HttpStatus status) {
        return Optional.ofNullable(decoderCause).flatMap(cause -> {
            if (cause instanceof FramingGuard.RefusedRequestException refused) {
                return Optional.of(refused.code());
            }
            if (isFramingRefusal(cause)) {
                return Optional.of(ErrorCode.AMBIGUOUS_FRAMING);
            }
            if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE && cause instanceof TooLongHttpHeaderException) {
                return Optional.of(ErrorCode.HEADERS_TOO_LARGE);
            }
            if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE && cause instanceof TooLongHttpLineException) {
                return Optional.of(ErrorCode.URI_TOO_LONG);
            }
            return Optional.empty();
        });
    }

    /**
     * Netty's RFC 9112 §6 refusals: Content-Length beside Transfer-Encoding, Transfer-Encoding in
     * HTTP/1.0, and (as IllegalArgumentExceptions about chunked) a transfer coding that does not end
     * in chunked, once. Behind a proxy that frames by Content-Length, the bytes after such a request
     * would otherwise be a second request the proxy never saw.
     */
    private static boolean isFramingRefusal(Throwable cause) {
        return cause instanceof ContentLengthNotAllowedException || cause instanceof TransferEncodingNotAllowedException
                || cause instanceof IllegalArgumentException iae && iae.getMessage() != null
                && iae.getMessage().contains("chunked");
    }

    private static Optional<Throwable> decoderCause(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty && netty.getNativeRequest().decoderResult().isFailure()) {
            return Optional.ofNullable(netty.getNativeRequest().decoderResult().cause());
        }
        return Optional.empty();
    }

    private static boolean isJsonProblem(Throwable t) {
        return t.getClass().getName().contains("Json") || t.getClass().getName().contains("Serde");
    }
}
