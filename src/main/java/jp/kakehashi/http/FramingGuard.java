package jp.kakehashi.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.Optional;
import jp.kakehashi.system.ErrorCode;

/**
 * Sits right behind Netty's HTTP decoder on each HTTP/1 connection and refuses what the decoder
 * lets through but RFC 9112 does not: an HTTP/1.1 request without Host, or any request with two
 * (§3.2; the service builds no address from Host, but a cache or proxy in front may key on either),
 * and a request line of another version than 1.0 or 1.1 (505, answered in HTTP/1.1).
 * The request goes on marked as a decoder failure, which Micronaut answers with 400 and a closed
 * connection like any request Netty could not parse; everything the connection sends after it is
 * dropped unread. Ambiguous framing (Content-Length beside Transfer-Encoding, a transfer coding not
 * ending in chunked) Netty 4.2.18 refuses itself; {@link ProblemHandlers} names both kinds.
 *
 * <p>A body Netty cannot decode (a broken chunk) comes after its request has gone on, so nothing
 * marks that request; Netty then discards the rest of the connection but leaves it open, and a
 * client's next request on it would wait for the idle timeout. The guard closes the connection once
 * every request it passed on is answered.
 *
 * <p>Being the first to see each request's head, it also drops an Accept-Language or Accept-Charset
 * header Micronaut could not read ({@link AcceptHeaders}); being the last to see each response, it
 * stamps the {@link SecurityHeaders} on all of them, whoever produced them.
 */
final class FramingGuard extends ChannelDuplexHandler {
    static final String NAME = "kakehashi-framing-guard";

    private final ConnectionDeadlines deadlines;
    private boolean refused;
    private boolean closeWhenAnswered;
    private boolean informational;
    private int unanswered;
    private ChannelFuture lastAnswer;

    FramingGuard(ConnectionDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            deadlines.headRead(msg instanceof LastHttpContent);
        } else if (msg instanceof LastHttpContent) {
            deadlines.bodyRead();
        }
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            unanswered++;
            if (request.decoderResult().isSuccess() && !isHttp1(request.protocolVersion())) {
                // Netty reads any HTTP/x.y; Micronaut would answer in the request's version
                request.setProtocolVersion(HttpVersion.HTTP_1_1);
                refuse(request, ErrorCode.HTTP_VERSION_NOT_SUPPORTED, "only HTTP/1.0 and HTTP/1.1 are served here");
            } else if (request.decoderResult().isSuccess()) {
                AcceptHeaders.dropUnreadable(request.headers());
                hostProblem(request).ifPresent(reason -> refuse(request, ErrorCode.INVALID_HOST, reason));
            }
        } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
            refused = true;
            closeWhenAnswered = true;
        }
        ctx.fireChannelRead(msg);
        if (closeWhenAnswered && unanswered == 0) {
            // every answer is written or on its way: close once the last one is out
            if (lastAnswer == null) {
                ctx.close();
            } else {
                lastAnswer.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            if (!informational) {
                SecurityHeaders.stamp(response.headers());
            }
            if (closeWhenAnswered && !informational) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
        }
        if (!(msg instanceof LastHttpContent) || informational) {
            ctx.write(msg, promise);
            return;
        }
        unanswered = Math.max(0, unanswered - 1);
        deadlines.answered();
        ChannelPromise written = promise.unvoid();
        lastAnswer = written;
        ctx.write(msg, written);
        if (closeWhenAnswered && unanswered == 0) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void refuse(HttpRequest request, ErrorCode code, String reason) {
        request.setDecoderResult(DecoderResult.failure(new RefusedRequestException(code, reason)));
        refused = true;
    }

    private static boolean isHttp1(HttpVersion version) {
        return version.majorVersion() == 1 && version.minorVersion() <= 1;
    }

    private static Optional<String> hostProblem(HttpRequest request) {
        int hosts = request.headers().getAll(HttpHeaderNames.HOST).size();
        if (hosts > 1) {
            return Optional.of("more than one Host header");
        }
        if (hosts == 0 && !request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            return Optional.of("an HTTP/1.1 request without a Host header");
        }
        return Optional.empty();
    }

    /** The decoder-failure cause that {@link ProblemHandlers} answers with its code. */
    static final class RefusedRequestException extends DecoderException {
        private final ErrorCode code;

        RefusedRequestException(ErrorCode code, String reason) {
            super(reason);
            this.code = code;
        }

        ErrorCode code() {
            return code;
        }
    }
}
