package jp.kakehashi.system;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/** Puts {@link FramingGuard} right behind the HTTP/1 codec of every connection. */
@Singleton
final class RequestFraming implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
            String codec = ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
            if (pipeline != null && pipeline.get(codec) != null) {
                pipeline.addAfter(codec, FramingGuard.NAME, new FramingGuard());
            }
        }
    }
}
