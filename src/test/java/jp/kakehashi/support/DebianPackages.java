package jp.kakehashi.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tools tests need (Chromium, wrk) come from Debian's packages, installed on first use with
 * apt-get, so a fresh machine needs nothing by hand. The log goes to {@code target/apt-install.log}.
 */
public final class DebianPackages {
    private DebianPackages() {
    }

    /** Installs {@code packages} unless every path in {@code present} already exists. */
    public static synchronized void ensure(List<Path> present, String... packages)
            throws IOException, InterruptedException {
        if (present.stream().allMatch(Files::exists)) {
            return;
        }
        // two test JVMs may install at once: the second waits for dpkg's lock instead of failing
        run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "update"));
        List<String> install = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y",
                "--no-install-recommends"));
        install.addAll(List.of(packages));
        run(install);
        if (!present.stream().allMatch(Files::exists)) {
            throw new IllegalStateException("Installing Debian's " + String.join(", ", packages) + " failed (see"
                    + " target/apt-install.log). As root: apt-get install " + String.join(" ", packages));
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(Path.of("target"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/apt-install.log")));
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " timed out");
        }
    }
}
