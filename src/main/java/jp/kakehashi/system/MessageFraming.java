package jp.kakehashi.system;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule of RFC 9112 §6.1 and §6.3 on how long a request body is, for requests two parsers could
 * frame differently: a proxy in front that trusts Content-Length and this server, which trusts
 * Transfer-Encoding, would disagree on where the next request starts, and the bytes between are a
 * request the proxy never checked. Such a request is refused (400) and its connection closed.
 */
final class MessageFraming {
    private MessageFraming() {
    }

    /** Why the request's length is ambiguous, or empty when it is not. */
    static Optional<String> ambiguity(HttpRequest request) {
        if (request.headers() instanceof RecordingHeaders recorded && recorded.contentLengthDropped) {
            return Optional.of("Content-Length and Transfer-Encoding: chunked in one request");
        }
        List<String> values = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            return Optional.of("Transfer-Encoding in an HTTP/1.0 request");
        }
        List<String> codings = values.stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(c -> c.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).filter(c -> !c.isEmpty()).toList();
        long chunked = codings.stream().filter("chunked"::equals).count();
        if (chunked != 1 || !codings.getLast().equals("chunked")) {
            return Optional.of("Transfer-Encoding must end in chunked, applied once");
        }
        return Optional.empty();
    }

    /**
     * RFC 9112 §3.2: an HTTP/1.1 request without Host, or any request with two, is answered 400. The
     * service builds no address from Host, but a cache or proxy in front may key on one of two.
     */
    static Optional<String> hostProblem(HttpRequest request) {
        int hosts = request.headers().getAll(HttpHeaderNames.HOST).size();
        if (hosts > 1) {
            return Optional.of("more than one Host header");
        }
        if (hosts == 0 && !request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            return Optional.of("an HTTP/1.1 request without a Host header");
        }
        return Optional.empty();
    }

    /**
     * Netty's decoder keeps Transfer-Encoding and deletes a Content-Length beside it before any
     * handler sees the request; these headers remember that it did.
     */
    static HttpHeadersFactory recordingHeaders(boolean validate) {
        DefaultHttpHeadersFactory base = DefaultHttpHeadersFactory.headersFactory().withValidation(validate);
        return new HttpHeadersFactory() {
            @Override
            public HttpHeaders newHeaders() {
                return new RecordingHeaders(base);
            }

            @Override
            public HttpHeaders newEmptyHeaders() {
                return base.newEmptyHeaders();
            }
        };
    }

    static final class RecordingHeaders extends DefaultHttpHeaders {
        private boolean contentLengthDropped;

        private RecordingHeaders(DefaultHttpHeadersFactory base) {
            super(base.getNameValidator(), base.getValueValidator());
        }

        @Override
        public HttpHeaders remove(String name) {
            return remove((CharSequence) name);
        }

        @Override
        public HttpHeaders remove(CharSequence name) {
            if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONTENT_LENGTH)
                    && contains(HttpHeaderNames.CONTENT_LENGTH) && contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                contentLengthDropped = true;
            }
            return super.remove(name);
        }
    }
}
