package jp.kakehashi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.kakehashi.analysis.Chains;
import jp.kakehashi.i18n.Messages;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running service with {@code KAKEHASHI_ASSETS_DIR} set: a user dictionary entry and an English
 * problem title from the folder, everything else from the jar. Own database, since its index is built
 * with other analyzers than the shared one's.
 */
@MicronautTest(transactional = false)
class AssetsFolderTest extends ServiceTest {
    private static final Path FOLDER = Path.of("target/test-data/assets-folder-" + ProcessHandle.current().pid());
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Chains chains;
    Http anonymous;
    Person editor;

    @Override
    protected Map<String, String> extraProperties() {
        write("analyzers/ja/userdict_ja.txt", Assets.packaged().read("analyzers/ja/userdict_ja.txt")
                + "架け橋通信,架け橋通信,カケハシツウシン,カスタム名詞\n");
        write("locales/messages_en.properties", "problem.NOT_FOUND=No such thing here\n");
        return Map.of("kakehashi.assets-dir", FOLDER.toString(), "kakehashi.search.poll-interval", "100ms");
    }

    @BeforeAll
    void setUp() {
        anonymous = new Http(server, json);
        editor = new Staffing(anonymous).editor("TYO");
    }

    @Test
    void theFoldersDictionaryEntrySegmentsTheWordAndTheIndexIsBuiltWithIt() throws InterruptedException {
        Map<String, Object> analyzed = editor.http().get("/api/v1/analyze?analyzer=ja&text=" + enc("架け橋通信を読む"))
                .map();
        assertEquals("架け橋通信", ((Map<?, ?>) ((List<?>) analyzed.get("tokens")).getFirst()).get("term"));
        assertEquals(5, ((Map<?, ?>) ((List<?>) analyzed.get("tokens")).getFirst()).get("end"));
        assertNotEquals(new Chains(Assets.packaged()).configHash(), chains.configHash());

        Http.Response created = editor.http().postJson("/api/v1/bulletins", Map.of("titleJa", "架け橋通信 第1号",
                "publishedOn", "2026-12-03", "pairs", List.of(Map.of("office", "TYO", "sourceLang", "ja",
                        "source", Map.of("title", "架け橋通信を創刊", "body", "東京本部が架け橋通信を創刊した。")))));
        assertEquals(201, created.status(), created.body());
        // the reading comes only from the folder's entry: the jar's dictionary reads two words
        assertEquals(1, waitForTotal("q=kakehashitsushin"));
    }

    @Test
    void problemTitlesComeFromTheFoldersBundleWhereItHasTheKey() {
        Http.Response en = anonymous.send(HttpRequest.newBuilder(anonymous.base().resolve("/api/v1/pairs/999999999"))
                .header("Accept-Language", "en").GET());
        assertEquals(404, en.status());
        assertEquals("No such thing here", en.map().get("title"));
        Http.Response ja = anonymous.send(HttpRequest.newBuilder(anonymous.base().resolve("/api/v1/pairs/999999999"))
                .header("Accept-Language", "ja").GET());
        assertEquals(Messages.load("locales/messages_ja.properties").getProperty("problem.NOT_FOUND"),
                ja.map().get("title"));
        Http.Response invalid = anonymous.postJson("/api/v1/auth/login", Map.of());
        assertEquals(401, invalid.status(), invalid.body());
        assertEquals(Messages.load("locales/messages_en.properties").getProperty("problem." + invalid.map().get("code")),
                invalid.map().get("title"), "the keys the folder lacks come from the jar");
    }

    private int waitForTotal(String query) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        int total = 0;
        while (total == 0 && Instant.now().isBefore(deadline)) {
            Http.Response r = editor.http().get("/api/v1/search?" + query);
            total = r.status() == 200 ? ((Number) r.map().get("total")).intValue() : 0;
            Thread.sleep(100);
        }
        return total;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void write(String path, String text) {
        try {
            Path file = FOLDER.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
