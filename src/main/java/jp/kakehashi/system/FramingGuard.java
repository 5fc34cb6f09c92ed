package jp.kakehashi.system;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.Optional;

/**
 * Sits right behind Netty's HTTP decoder on each HTTP/1 connection and refuses what the decoder
 * lets through but RFC 9112 §3.2 does not: an HTTP/1.1 request without Host, or any request with
 * two (the service builds no address from Host, but a cache or proxy in front may key on either).
 * The request goes on marked as a decoder failure, which Micronaut answers with 400 and a closed
 * connection like any request Netty could not parse; everything the connection sends after it is
 * dropped unread. Ambiguous framing (Content-Length beside Transfer-Encoding, a transfer coding not
 * ending in chunked) Netty 4.2.18 refuses itself; {@link ProblemHandlers} names both kinds.
 */
final class FramingGuard extends ChannelInboundHandlerAdapter {
    static final String NAME = "kakehashi-framing-guard";

    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            hostProblem(request).ifPresent(reason -> {
                request.setDecoderResult(DecoderResult.failure(
                        new RefusedRequestException(ErrorCode.INVALID_HOST, reason)));
                refused = true;
            });
        }
        ctx.fireChannelRead(msg);
    }

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
