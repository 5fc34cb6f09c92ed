package jp.kakehashi.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import jp.kakehashi.support.ContextStarts;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.Staffing;
import org.junit.jupiter.api.Test;

/**
 * The restore drill of docs/operate.md: a {@code mariadb-dump} taken while the service runs, more work
 * after it, the dump restored over the database, the service started again on its old data
 * directory. Its search and memory indexes then hold more than the database (the work after the
 * dump) and their cursors point past ids MariaDB will hand out again; they must be rebuilt, not
 * trusted, or that work stays findable and new work stays invisible.
 */
@Slow
class BackupRestoreTest {
    private static final Path DATA = Path.of("target/test-data/restore-" + System.nanoTime());
    private static final Path BIN = DATA.resolve("mariadb/base/bin");

    private static EmbeddedServer start() {
        return ContextStarts.server(Map.of("kakehashi.data-dir", DATA.toString(),
                "kakehashi.admin-password", Staffing.ADMIN_PASSWORD, "kakehashi.search.poll-interval", "100ms",
                "kakehashi.tm.poll-interval", "100ms"), "test");
    }

    @Test
    void aRestoredBackupIsServedAsItWasWhenTakenAndNewWorkAfterItIsFound() throws Exception {
        Path dump = DATA.resolve("backup.sql");
        String token;
        try (EmbeddedServer server = start()) {
            Http editor = staff(server).editor("PAR").http();
            token = editor.token();
            create(editor, "札幌");
            importUnit(editor, "小樽");
            awaitFound(() -> total(editor, "札幌"), 1);
            awaitFound(() -> memory(editor, "小樽"), 1);

            run(dump, null, "mariadb-dump", "--single-transaction", "kakehashi");

            create(editor, "那覇");
            importUnit(editor, "石垣");
            awaitFound(() -> total(editor, "那覇"), 1);
            awaitFound(() -> memory(editor, "石垣"), 1);
        }

        EmbeddedMariaDb db = EmbeddedMariaDb.forDataDir(DATA);
        db.start();
        try (var c = DriverManager.getConnection(db.url(), "root", ""); var s = c.createStatement()) {
            s.execute("DROP DATABASE kakehashi");
            s.execute("CREATE DATABASE kakehashi CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        run(null, dump, "mariadb", "kakehashi");
        db.close();

        try (EmbeddedServer server = start()) {
            Http editor = new Http(server, server.getApplicationContext().getBean(JsonMapper.class)).as(token);
            assertEquals(0, firstAnswer(() -> total(editor, "那覇")), "work after the backup is never found");
            assertEquals(0, firstAnswer(() -> memory(editor, "石垣")), "nor remembered");
            awaitFound(() -> total(editor, "札幌"), 1);
            awaitFound(() -> memory(editor, "小樽"), 1);
            assertEquals(0, total(editor, "那覇"), "work after the backup is gone from search");
            assertEquals(0, memory(editor, "石垣"), "and from the memory");

            create(editor, "金沢");
            importUnit(editor, "能登");
            assertEquals(1, awaitFound(() -> total(editor, "金沢"), 1), "new work after the restore is found");
            assertEquals(1, awaitFound(() -> memory(editor, "能登"), 1), "and remembered");
        }
    }

    private static Staffing staff(EmbeddedServer server) {
        return new Staffing(new Http(server, server.getApplicationContext().getBean(JsonMapper.class)));
    }

    /** A bulletin about a city no other bulletin of this database names. */
    private static void create(Http editor, String city) {
        Http.Response r = editor.postJson("/api/v1/bulletins", Map.of("titleJa", city + "の記事",
                "publishedOn", "2026-12-03", "pairs", List.of(Map.of("office", "PAR", "sourceLang", "ja",
                        "source", Map.of("title", city + "市を訪問", "body", "職員が" + city + "市を訪問した。")))));
        assertEquals(201, r.status(), r.body());
    }

    /** A memory unit about a place no other unit names. */
    private static void importUnit(Http editor, String place) {
        String tmx = "<tmx version=\"1.4\"><header srclang=\"ja\"/><body><tu><tuv xml:lang=\"ja\"><seg>" + place
                + "を訪問した。</seg></tuv><tuv xml:lang=\"en\"><seg>Visited the place.</seg></tuv></tu></body></tmx>";
        Http.Response r = editor.post("/api/v1/tm/import", "application/x-tmx+xml", tmx.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.body());
    }

    private static int total(Http editor, String phrase) {
        Http.Response r = editor.get("/api/v1/search?q=" + enc(phrase));
        return r.status() == 200 ? ((Number) r.map().get("total")).intValue() : -1;
    }

    private static int memory(Http editor, String phrase) {
        Http.Response r = editor.get("/api/v1/tm/concordance?lang=ja&q=" + enc(phrase));
        return r.status() == 200 ? ((Number) r.map().get("total")).intValue() : -1;
    }

    /** The first count the service answers (503 while an index is built is no answer), within 15 s. */
    private static int firstAnswer(IntSupplier count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        int n = count.getAsInt();
        while (n < 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            n = count.getAsInt();
        }
        return n;
    }

    /** Polls until {@code count} reaches {@code expected} or 15 s pass; returns the last count. */
    private static int awaitFound(IntSupplier count, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        int n = count.getAsInt();
        while (n != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            n = count.getAsInt();
        }
        assertEquals(expected, n);
        return n;
    }

    /** Runs a MariaDB client of the embedded server's own distribution against it. */
    private static void run(Path output, Path input, String tool, String... args) throws IOException,
            InterruptedException {
        String url = EmbeddedMariaDb.forDataDir(DATA).url();
        String port = url.replaceAll(".*:(\\d+)/.*", "$1");
        List<String> command = new ArrayList<>(List.of(BIN.resolve(tool).toString(), "--skip-ssl", "-h127.0.0.1",
                "-P" + port, "-uroot", "--default-character-set=utf8mb4"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("LD_LIBRARY_PATH", DATA.resolve("mariadb/base/libs").toAbsolutePath().toString());
        if (output != null) {
            pb.redirectOutput(output.toFile());
        }
        if (input != null) {
            pb.redirectInput(input.toFile());
        }
        assertEquals(0, pb.start().waitFor(), String.join(" ", command));
        if (output != null) {
            assertEquals(true, Files.size(output) > 0);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
