package jp.kakehashi.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections that hold a place without sending a request, as nginx's client_header_timeout,
 * client_body_timeout and keepalive_timeout do: a request head must arrive whole within the header
 * timeout of its first byte (or of the connection's opening), a body may not pause longer than the
 * body timeout between two reads, and a connection with nothing in flight is closed after the
 * keep-alive timeout. Without them a few hundred slow sockets (one header byte now and then, a body
 * that never ends) were each held open for as long as the client liked.
 *
 * <p>Sits in front of the HTTP codec, where it sees every read as bytes; {@link FramingGuard}, behind
 * the codec, tells it where requests begin and end and when they are answered. No deadline runs
 * while the service itself is working on an answer. One check a second per connection, on the
 * connection's own event loop, so the fields need no locking.
 */
final class ConnectionDeadlines extends ChannelInboundHandlerAdapter {
    static final String NAME = "kakehashi-connection-deadlines";

    /** The three timeouts ({@code kakehashi.http.*}). */
    record Limits(Duration header, Duration bodyIdle, Duration keepAlive) {
    }

    private final Limits limits;
    private ScheduledFuture<?> check;
    private long lastRead;
    private long headStart;
    private boolean bodyOpen;
    private int unanswered;

    ConnectionDeadlines(Limits limits) {
        this.limits = limits;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        lastRead = System.nanoTime();
        headStart = lastRead;
        if (ctx.channel().isRegistered()) {
            start(ctx);
        }
    }

    @Override
    public void channelRegistered(ChannelHandlerContext ctx) {
        start(ctx);
        ctx.fireChannelRegistered();
    }

    private void start(ChannelHandlerContext ctx) {
        if (check == null) {
            check = ctx.executor().scheduleAtFixedRate(() -> check(ctx), 1, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (check != null) {
            check.cancel(false);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastRead = System.nanoTime();
        if (headStart == 0 && !bodyOpen && unanswered == 0) {
            headStart = lastRead;
        }
        ctx.fireChannelRead(msg);
    }

    /** {@link FramingGuard} decoded a request head; {@code whole} when no body follows it. */
    void headRead(boolean whole) {
        headStart = 0;
        bodyOpen = !whole;
        unanswered++;
    }

    void bodyRead() {
        bodyOpen = false;
    }

    /** The last answer went out: the keep-alive wait starts now. */
    void answered() {
        unanswered = Math.max(0, unanswered - 1);
        lastRead = System.nanoTime();
    }

    private void check(ChannelHandlerContext ctx) {
        long now = System.nanoTime();
        boolean late;
        if (bodyOpen) {
            late = now - lastRead > limits.bodyIdle().toNanos();
        } else if (unanswered > 0) {
            late = false; // the service is working on an answer
        } else if (headStart != 0) {
            late = now - headStart > limits.header().toNanos();
        } else {
            late = now - lastRead > limits.keepAlive().toNanos();
        }
        if (late && ctx.channel().isOpen()) {
            ctx.close();
        }
    }
}
