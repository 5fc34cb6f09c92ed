package jp.kakehashi.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Puts {@link ConnectionDeadlines} in front of the HTTP/1 codec of every connection and
 * {@link FramingGuard} right behind it.
 */
@Singleton
final class RequestFraming implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private final ConnectionDeadlines.Limits limits;

    RequestFraming(@Value("${kakehashi.http.header-timeout:10s}") Duration header,
                   @Value("${kakehashi.http.body-idle-timeout:10s}") Duration bodyIdle,
                   @Value("${kakehashi.http.keep-alive-timeout:60s}") Duration keepAlive) {
        this.limits = new ConnectionDeadlines.Limits(header, bodyIdle, keepAlive);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null, limits));
        return event.getBean();
    }

    private record Customizer(Channel channel, ConnectionDeadlines.Limits limits) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel, limits) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
            String codec = ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
            if (pipeline != null && pipeline.get(codec) != null) {
                ConnectionDeadlines deadlines = new ConnectionDeadlines(limits);
                pipeline.addBefore(codec, ConnectionDeadlines.NAME, deadlines);
                pipeline.addAfter(codec, FramingGuard.NAME, new FramingGuard(deadlines));
            }
        }
    }
}
