package jp.kakehashi.system;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits right behind Netty's HTTP decoder on each HTTP/1 connection. A request whose framing is
 * ambiguous ({@link MessageFraming}) goes on marked as a decoder failure, which Micronaut answers
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
            MessageFraming.ambiguity(request).ifPresent(reason -> {
                request.setDecoderResult(DecoderResult.failure(new AmbiguousFramingException(reason)));
                refused = true;
            });
        }
        ctx.fireChannelRead(msg);
    }

    /** The decoder-failure cause that {@link ProblemHandlers} turns into AMBIGUOUS_FRAMING. */
    static final class AmbiguousFramingException extends DecoderException {
        AmbiguousFramingException(String reason) {
            super(reason);
        }
    }
}
