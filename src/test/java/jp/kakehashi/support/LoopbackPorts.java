package jp.kakehashi.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers tests start in other processes (service JVMs, MariaDB nodes, HAProxy), taken
 * outside the kernel's ephemeral range. A port found with {@code new ServerSocket(0)} comes from that
 * range, so once it is released the kernel may give it to any outgoing loopback connection as its
 * source port. A server that binds at once rarely meets that; one that binds again minutes later under
 * load does: a Galera node's state-transfer port is bound only while the node joins, and when the node
 * rejoins after a kill, rsync's state-transfer script finds the port "taken by another program" (an
 * outgoing connection's source port counts) and the node aborts. Outside the range the kernel never
 * hands a port out by itself; a bind check and this JVM's own record keep the tests' servers apart.
 */
public final class LoopbackPorts {
    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /** A port no server of this JVM's tests was given before, free on 127.0.0.1 now, outside the ephemeral range. */
    public static int free() throws IOException {
        int[] span = span();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(span[0], span[1]);
            if (GIVEN.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IOException("no free port in " + span[0] + "–" + span[1]);
    }

    /** Below the ephemeral range when there is room (there is by default: it starts at 32768), else above it. */
    static int[] span() throws IOException {
        int low = 32_768;
        int high = 60_999;
        if (Files.isReadable(RANGE)) {
            // readAllLines, not readString: /proc reports a size of 0, and readString read one byte of it
            String[] bounds = Files.readAllLines(RANGE).getFirst().strip().split("\\s+");
            low = Integer.parseInt(bounds[0]);
            high = Integer.parseInt(bounds[1]);
        }
        if (low - 10_000 >= 4_096) {
            return new int[] {10_000, low};
        }
        if (65_535 - high >= 4_096) {
            return new int[] {high + 1, 65_536};
        }
        throw new IOException("the ephemeral port range " + low + "–" + high + " leaves no room for test servers");
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
