package jp.kakehashi.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy from Debian's package in front of service instances on loopback, configured by
 * {@code docker/haproxy.cfg} itself (the compose cluster profile's), with this test's port and
 * servers in place of its own.
 */
public final class HaProxy implements AutoCloseable {
    private final Process process;
    private final int port;

    private HaProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static HaProxy start(Path dir, List<URI> instances) throws IOException, InterruptedException {
        DebianPackages.ensure(List.of(Path.of("/usr/sbin/haproxy")), "haproxy");
        int port = LoopbackPorts.free();
        StringBuilder cfg = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("docker", "haproxy.cfg"))) {
            if (line.strip().startsWith("bind ")) {
                cfg.append("    bind 127.0.0.1:").append(port).append('\n');
            } else if (!line.strip().startsWith("server ")) {
                cfg.append(line).append('\n');
            }
        }
        for (int i = 0; i < instances.size(); i++) {
            cfg.append("    server s").append(i).append(" 127.0.0.1:").append(instances.get(i).getPort()).append(" check\n");
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("haproxy-" + port + ".cfg");
        Files.writeString(file, cfg);
        Process p = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("haproxy.log").toFile())).start();
        return new HaProxy(p, port);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
