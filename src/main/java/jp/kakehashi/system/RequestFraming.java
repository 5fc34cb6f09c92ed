package jp.kakehashi.system;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Singleton;

/**
 * Puts {@link FramingGuard} on every HTTP/1 connection. Netty's codec is swapped for one with the
 * same limits whose headers remember a Content-Length it dropped (Micronaut builds its codec with no
 * way to pass a headers factory); the swap keeps the handler's name, which Micronaut's own pipeline
 * steps look it up by.
 */
@Singleton
final class RequestFraming implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private final NettyHttpServerConfiguration server;

    RequestFraming(NettyHttpServerConfiguration server) {
        this.server = server;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private HttpServerCodec codec() {
        return new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(server.getMaxInitialLineLength())
                .setMaxHeaderSize(server.getMaxHeaderSize())
                .setMaxChunkSize(server.getMaxChunkSize())
                .setValidateHeaders(server.isValidateHeaders())
                .setInitialBufferSize(server.getInitialBufferSize())
                .setHeadersFactory(MessageFraming.recordingHeaders(server.isValidateHeaders())));
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
            String codec = ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
            if (pipeline != null && pipeline.get(codec) instanceof HttpServerCodec) {
                pipeline.replace(codec, codec, codec());
                pipeline.addAfter(codec, FramingGuard.NAME, new FramingGuard());
            }
        }
    }
}
