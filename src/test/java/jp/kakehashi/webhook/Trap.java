package jp.kakehashi.webhook;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener on every local address (the wildcard: 127.0.0.1, ::1 and the rest) that webhooks must
 * never reach; it counts every connection made to it.
 */
final class Trap implements AutoCloseable {
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket socket;

    Trap() throws IOException {
        socket = new ServerSocket(0, 50, null);
        Thread.ofPlatform().daemon().start(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
