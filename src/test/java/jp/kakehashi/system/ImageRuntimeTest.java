package jp.kakehashi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.kakehashi.bench.ServiceProcess;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.SharedMariaDb;
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.Test;

/**
 * The Docker image runs the service on a runtime of few modules (docker/Dockerfile: ARG JRE_MODULES
 * and its jlink line). This builds that runtime with the same modules and options and runs the
 * packaged jar on it through its main paths (Japanese analysis and dates, search, XML, a job,
 * metrics, the API reference), so a module the service needs but the list lacks fails here, not in
 * a deployment. No Docker here: the image itself is not built (docker/image-size.sh makes its file
 * system and runs it by hand, as root).
 */
@Slow
class ImageRuntimeTest {

    @Test
    void theImagesRuntimeHoldsEveryModuleTheServiceUsesOnItsMainPaths() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "test-data", "image-runtime-" + System.nanoTime()));
        Path jre = dir.resolve("jre");
        long start = System.nanoTime();
        String dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
        run(jlinkCommand(dockerfile, jre));
        if (dockerfile.contains("&& rm /jre/lib/server/classes_nocoops.jsa")) {
            Files.delete(jre.resolve("lib/server/classes_nocoops.jsa"));
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        Path log = dir.resolve("service.log");
        String database = SharedMariaDb.freshDatabase("t_image_runtime");
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), database, "384m", log,
                ServiceProcess.packagedJar(), List.of(), jre.resolve("bin").resolve("java"))) {
            Http http = service.http();
            Person editor = new Staffing(http).editor("PAR");
            Fixtures.Created b = Fixtures.bulletin(editor.http(), "PAR", 1, false);
            assertEquals(200, editor.http().postJson("/api/v1/bulletins/" + b.bulletinId() + "/release-source",
                    Map.of()).status());
            String page = http.get("/bulletins/" + b.bulletinId() + "?lang=ja").body();
            assertTrue(page.contains("令和8年11月22日"), "a Japanese date in its era: " + page);
            awaitFound(http, "/api/v1/search?q=%E7%99%BD%E6%B2%B3"); // 白河, through Kuromoji
            Http.Response tmx = editor.http().post("/api/v1/tm/import", "application/xml",
                    ("<tmx version=\"1.4\"><header srclang=\"ja\"/><body><tu><tuv xml:lang=\"ja\"><seg>交流会</seg></tuv>"
                            + "<tuv xml:lang=\"en\"><seg>exchange meeting</seg></tuv></tu></body></tmx>")
                            .getBytes(StandardCharsets.UTF_8));
            assertEquals(200, tmx.status(), tmx.body());
            assertEquals(1, ((Number) tmx.map().get("units")).intValue(), "read as XML, written as a unit");
            Http admin = new Staffing(http).admin();
            assertEquals(202, admin.post("/api/v1/indexes/memory/rebuild", "application/json", new byte[0]).status());
            assertTrue(admin.get("/api/v1/metrics").body().contains("jvm_memory_used_bytes"), "JVM metrics");
            assertEquals(200, http.get("/api/openapi.yml").status());
        }
        // the tests' own services hash cheaply (security/CheapArgon2); the packaged one must not
        assertEquals(List.of("$argon2id$v=19$m=19456,t=2,p=1$"), Db.at(database).strings(
                "SELECT DISTINCT SUBSTRING_INDEX(password_hash, '$', 4) FROM app_user").stream()
                .map(prefix -> prefix + "$").toList(), "every account hashed at OWASP's minimum");
        String problems;
        try (Stream<String> lines = Files.lines(log)) {
            problems = String.join("\n", lines.filter(l -> l.contains("NoClassDefFoundError")
                    || l.contains("ClassNotFoundException") || l.contains("ServiceConfigurationError")).toList());
        }
        assertEquals("", problems, "nothing the runtime lacks was looked for");
        System.out.printf("Image runtime: %d MB (jlink of %s in %d s)%n", size(jre) / 1_000_000,
                Runtime.version(), seconds);
    }

    /** The Dockerfile's jlink line with its ARG filled in, run by the tests' own JDK's jlink. */
    static List<String> jlinkCommand(String dockerfile, Path output) {
        Matcher modules = Pattern.compile("ARG JRE_MODULES=(\\S+)").matcher(dockerfile);
        Matcher line = Pattern.compile("RUN jlink ((?:[^\\n]*\\\\\\n)*[^\\n]*)").matcher(dockerfile);
        assertTrue(modules.find() && line.find(), "the Dockerfile builds its runtime with jlink");
        String jlink = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jlink").toString();
        List<String> cmd = new ArrayList<>(List.of(jlink));
        for (String arg : line.group(1).replace("\\\n", " ").split("&&")[0].trim().split("\\s+")) {
            cmd.add(arg.equals("\"$JRE_MODULES\"") ? modules.group(1) : arg.equals("/jre") ? output.toString() : arg);
        }
        return cmd;
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
    }

    private static void awaitFound(Http http, String query) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!found(http.get(query))) {
            assertTrue(Instant.now().isBefore(deadline), "found through " + query);
            Thread.sleep(50);
        }
    }

    private static boolean found(Http.Response r) {
        return r.status() == 200 && ((Number) r.map().get("total")).intValue() > 0;
    }

    private static long size(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
