package jp.kakehashi.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The release before the newest schema change, built from this repository's history: the parent of
 * the last commit that touched the migrations. That is the version a rolling upgrade runs beside the
 * new one while the new one migrates the schema. Built once per commit into {@code target/upgrade/}.
 */
public final class OldVersion {
    private OldVersion() {
    }

    /** The commit of the old version. */
    public static String commit() throws IOException, InterruptedException {
        String newest = git("log", "-1", "--format=%H", "--", "src/main/resources/db/migration");
        return git("rev-parse", newest + "^");
    }

    /** Its lean jar (no embedded MariaDB: it runs on the database the test gives it). */
    public static Path jar(String commit) throws IOException, InterruptedException {
        Path dir = Path.of("target", "upgrade", commit).toAbsolutePath();
        Path jar = dir.resolve("target/kakehashi-0.1.0-SNAPSHOT.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Path src = Files.createDirectories(dir);
        run(List.of("bash", "-c", "git archive " + commit + " | tar -x -C '" + src + "'"), Path.of("."));
        Path log = dir.resolveSibling(commit + "-build.log");
        Process p = new ProcessBuilder(List.of("./mvnw", "-B", "-q", "package", "-Dmaven.test.skip=true", "-Dlean"))
                .directory(src.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(jar)) {
            p.destroyForcibly();
            throw new IllegalStateException("building " + commit + " failed; see " + log);
        }
        return jar;
    }

    private static String git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return run(cmd, Path.of(".")).strip();
    }

    private static String run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
