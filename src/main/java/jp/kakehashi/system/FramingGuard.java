package jp.kakehashi.system;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits right behind Netty's HTTP decoder on each HTTP/1 connection. A request whose framing is
 * ambiguous, or whose Host is missing or doubled ({@link MessageFraming}), goes on marked as a decoder failure, which Micronaut answers
 * with 400 and a closed connection, like any request Netty could not parse; everything the
 * connection sends after it (its body, pipelined requests) is dropped unread, so nothing smuggled
 * reaches a controller while that answer is being written.
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
            MessageFraming.ambiguity(request).map(r -> new RefusedRequestException(ErrorCode.AMBIGUOUS_FRAMING, r))
                    .or(() -> MessageFraming.hostProblem(request)
                            .map(r -> new RefusedRequestException(ErrorCode.INVALID_HOST, r)))
                    .ifPresent(refusal -> {
                        request.setDecoderResult(DecoderResult.failure(refusal));
                        refused = true;
                    });
        }
        ctx.fireChannelRead(msg);
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
