package jp.kakehashi.bulletin;

import static jp.kakehashi.support.Problem.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class BulletinImportApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    Http http;

    @BeforeAll
    void client() {
        http = new Staffing(new Http(server, json)).editor("TYO").http();
    }

    /** A bulletin no other test (or earlier run on the same data dir) has imported. */
    static String uniqueFlash(String office) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return "海外事務所だより\n2026年4月15日配信\n◇テスト記事" + tag + "=パリ\n 本文です。" + tag + "\n(" + office
                + "事務所)\n◇二つ目の記事" + tag + "\n 二つ目。" + tag + "(ロンドン事務所)\n";
    }

    long count(String table) {
        return new Db(dataSource).count("SELECT COUNT(*) FROM " + table);
    }

    List<Long> counts() throws SQLException {
        return List.of(count("bulletin"), count("doc_pair"), count("source_revision"), count("audit_event"),
                count("outbox_event"));
    }

    void assertProblem(Http.Response r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        Map<String, Object> body = r.map();
        assertEquals(code, body.get("code"));
        assertEquals(status, ((Number) body.get("status")).intValue());
        assertNotNull(body.get("title"));
        assertNotNull(body.get("type"));
    }

    @Test
    void importingTheDesignExampleCreatesOnePairPerItemWithItsOffice() throws Exception {
        String text = new String(getClass().getResourceAsStream("/bulletins/london-seminar.txt").readAllBytes(),
                StandardCharsets.UTF_8).replace("2026年4月15日", "2025年4月15日");
        Http.Response first = http.postText("/api/v1/bulletins/import", text);
        if (first.status() == 409) {
            first = http.get("/api/v1/bulletins/" + first.map().get("existingId"));
        } else {
            assertEquals(201, first.status(), first.body());
        }
        Map<String, Object> bulletin = first.map();
        assertEquals("2025-04-15", bulletin.get("publishedOn"));
        List<?> pairs = (List<?>) bulletin.get("pairs");
        assertEquals(2, pairs.size());
        assertEquals("LON", ((Map<?, ?>) pairs.get(0)).get("office"));
        assertEquals("SIN", ((Map<?, ?>) pairs.get(1)).get("office"));
        assertEquals("UNASSIGNED", ((Map<?, ?>) pairs.get(0)).get("status"));
    }

    @Test
    void reimportingTheSameBulletinIsAConflictNamingTheExistingOne() throws SQLException {
        String text = uniqueFlash("パリ");
        List<Long> empty = counts();
        Http.Response created = http.postText("/api/v1/bulletins/import", text);
        assertEquals(201, created.status(), created.body());
        List<Long> before = counts();
        assertTrue(before.get(1) >= empty.get(1) + 2, "the counts see the server's commits");
        Http.Response again = http.postText("/api/v1/bulletins/import", text);
        assertProblem(again, 409, "DUPLICATE_BULLETIN");
        assertEquals(((Number) created.map().get("id")).longValue(), ((Number) again.map().get("existingId")).longValue());
        assertEquals(before, counts());
    }

    @Test
    void aBulletinSentAgainWithOneCharacterLessIsAPossibleDuplicateUntilTheEditorConfirms() throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String text = "海外事務所だより\n2026年5月20日配信\n◇パリで観光セミナーを開催しました！" + tag + "\n"
                + " 5月18日、パリで日本各地の観光資源を紹介するセミナーを開催した。約120人が参加した。" + tag + "\n(パリ事務所)\n";
        Http.Response first = http.postText("/api/v1/bulletins/import", text);
        assertEquals(201, first.status(), first.body());
        List<Long> before = counts();
        String edited = text.replace("開催しました！", "開催しました");
        Http.Response again = http.postText("/api/v1/bulletins/import", edited);
        assertProblem(again, 409, "POSSIBLE_DUPLICATE");
        assertEquals(((Number) first.map().get("id")).longValue(), ((Number) again.map().get("existingId")).longValue());
        assertEquals(List.of(Map.of("item", 1, "existingId", first.map().get("id"))), again.map().get("items"));
        assertEquals(before, counts(), "nothing written");
        Http.Response confirmed = http.postText("/api/v1/bulletins/import?confirm=true", edited);
        assertEquals(201, confirmed.status(), confirmed.body());
        assertProblem(http.postText("/api/v1/bulletins/import?confirm=true", text), 409, "DUPLICATE_BULLETIN");
        // another office's item on that day is no duplicate, however alike
        Http.Response other = http.postText("/api/v1/bulletins/import", edited.replace("(パリ事務所)", "(ロンドン事務所)")
                .replace("セミナーを開催しました", "セミナーを開催"));
        assertEquals(201, other.status(), other.body());
    }

    @Test
    void simultaneousImportsOfOneBulletinStoreItOnceAndNeverFail() throws Exception {
        String text = uniqueFlash("パリ");
        var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return http.postText("/api/v1/bulletins/import", text).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(11, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void aPairIsReadableWithAnEtag() {
        Http.Response created = http.postText("/api/v1/bulletins/import", uniqueFlash("パリ"));
        Object pairId = ((Map<?, ?>) ((List<?>) created.map().get("pairs")).get(0)).get("id");
        Http.Response pair = http.get("/api/v1/pairs/" + pairId);
        assertEquals(200, pair.status());
        assertEquals("\"0\"", pair.header("ETag"));
        assertEquals("PAR", pair.map().get("office"));
    }

    @Test
    void badBodiesAreRefusedWithStableCodesAndNothingIsStored() throws SQLException {
        List<Long> before = counts();
        String path = "/api/v1/bulletins/import";
        assertProblem(http.post(path, "text/plain; charset=utf-8", new byte[0]), 400, "EMPTY_BODY");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertProblem(http.post(path, "text/plain; charset=utf-8", png), 400, "BINARY_BODY");
        assertProblem(http.post(path, "text/plain; charset=utf-8",
                uniqueFlash("パリ").getBytes(Charset.forName("Shift_JIS"))), 400, "INVALID_UTF8");
        assertProblem(http.postText(path, uniqueFlash("パリ").replace("本文", "本\u0000文")), 400, "NUL_BYTE");
        assertProblem(http.postText(path, "2026年4月15日配信\n本文だけで記事がない。\n"), 422, "NO_ITEMS");
        Http.Response unknown = http.postText(path, uniqueFlash("大阪"));
        assertProblem(unknown, 422, "UNKNOWN_OFFICE");
        List<?> items = (List<?>) unknown.map().get("items");
        assertEquals(1, items.size());
        assertEquals(1, ((Number) ((Map<?, ?>) items.get(0)).get("item")).intValue());
        String longTitle = uniqueFlash("パリ").replace("テスト記事", "長".repeat(600));
        Http.Response tooLong = http.postText(path, longTitle);
        assertProblem(tooLong, 422, "FIELD_TOO_LONG");
        assertEquals("pairs[0].source.title", tooLong.map().get("field"));
        StringBuilder many = new StringBuilder("2026年4月15日配信\n");
        for (int i = 0; i < 201; i++) {
            many.append("◇記事").append(i).append(UUID.randomUUID()).append("\n本文(パリ事務所)\n");
        }
        assertProblem(http.postText(path, many.toString()), 422, "TOO_MANY_ITEMS");
        byte[] huge = ("◇" + "あ".repeat(1_100_000) + "(パリ事務所)").getBytes(StandardCharsets.UTF_8);
        assertProblem(http.post(path, "text/plain; charset=utf-8", huge), 413, "BODY_TOO_LARGE");
        assertProblem(http.post(path, "application/octet-stream", "◇x".getBytes(StandardCharsets.UTF_8)), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertEquals(before, counts(), "no refused import may leave rows behind");
        assertEquals(200, http.get("/api/v1/offices").status(), "the service is unaffected");
    }

    @Test
    void jsonCreateValidatesEveryPairBeforeWritingAny() throws SQLException {
        List<Long> before = counts();
        Map<String, Object> good = Map.of("office", "PAR", "sourceLang", "ja",
                "source", Map.of("title", "良い記事" + UUID.randomUUID(), "body", "本文"));
        Map<String, Object> bad = Map.of("office", "XXX", "sourceLang", "ja",
                "source", Map.of("title", "悪い記事", "body", "本文"));
        Http.Response r = http.postJson("/api/v1/bulletins", Map.of("titleJa", "題", "publishedOn", "2026-01-05",
                "pairs", List.of(good, bad)));
        assertProblem(r, 422, "UNKNOWN_OFFICE");
        assertProblem(http.post("/api/v1/bulletins", "application/json", "{\"titleJa\": ".getBytes(StandardCharsets.UTF_8)),
                400, "MALFORMED_JSON");
        assertEquals(before, counts());
    }

    @Test
    void japaneseTextRoundTripsByteForByteThroughMariaDb() {
        String tricky = "𠮷野家の🎌と👨‍👩‍👧、ｼﾞｪｯﾄとＪＥＴ、㈱と〜と～、が\u3099(結合)、"
                + "café と cafe\u0301、<script>&amp;\"'、改行\n\n第二段落\t" + UUID.randomUUID();
        Map<String, Object> pair = Map.of("office", "TYO", "sourceLang", "ja",
                "source", Map.of("title", "往復" + tricky.substring(0, 10) + UUID.randomUUID(), "body", tricky,
                        "captions", List.of("写真の説明😀")),
                "target", Map.of("title", "Round trip", "body", "English “quotes” — and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"));
        Http.Response created = http.postJson("/api/v1/bulletins", Map.of("titleJa", "往復試験", "titleEn", "Round trip",
                "publishedOn", "2026-11-22", "pairs", List.of(pair)));
        assertEquals(201, created.status(), created.body());
        Object pairId = ((Map<?, ?>) ((List<?>) created.map().get("pairs")).get(0)).get("id");
        Map<String, Object> read = http.get("/api/v1/pairs/" + pairId).map();
        Map<?, ?> source = (Map<?, ?>) read.get("source");
        assertEquals(tricky, source.get("body"));
        assertTrue(java.util.Arrays.equals(tricky.getBytes(StandardCharsets.UTF_8),
                ((String) source.get("body")).getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("写真の説明😀"), source.get("captions"));
        assertEquals("English “quotes” — and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", ((Map<?, ?>) read.get("target")).get("body"));
        assertEquals("SUBMITTED", read.get("status"), "a pair created with a target awaits review");
    }

    @Test
    void anEnglishReportBecomesABulletinWithOnePairOfTheGivenOffice() {
        String report = "Report " + UUID.randomUUID() + "\n\n2026-11-20\n\nShirakawa City sent a delegation.\n";
        Http.Response r = http.postText("/api/v1/reports/import?office=SIN&sourceLang=en", report);
        assertEquals(201, r.status(), r.body());
        Map<?, ?> pair = (Map<?, ?>) ((List<?>) r.map().get("pairs")).get(0);
        assertEquals("SIN", pair.get("office"));
        assertEquals("en", pair.get("sourceLang"));
        assertEquals("ja", pair.get("targetLang"));
        assertEquals("2026-11-20", r.map().get("publishedOn"));
        assertProblem(http.postText("/api/v1/reports/import?office=OSA", report), 422, "UNKNOWN_OFFICE");
    }

    @Test
    void aWebPageReportKeepsItsTableAndAnswersWithTheChromeLinesItRemoved() throws Exception {
        String page = new String(getClass().getResourceAsStream("/bulletins/report-programme-table.md").readAllBytes(),
                StandardCharsets.UTF_8).replace("Seminar 2023", "Seminar " + UUID.randomUUID());
        Http.Response r = http.postText("/api/v1/reports/import?office=SIN", page);
        assertEquals(201, r.status(), r.body());
        assertEquals("2023-11-20", r.map().get("publishedOn"));
        List<?> removed = (List<?>) r.map().get("removed");
        assertEquals(8, removed.size(), r.body());
        assertEquals(Map.of("line", 25, "text", "+65 6224 8376"), removed.get(4));
        Map<?, ?> source = (Map<?, ?>) ((Map<?, ?>) ((List<?>) r.map().get("pairs")).get(0)).get("source");
        assertTrue(((String) source.get("body")).contains("\n| 20 Nov | Opening ceremony. Keynote by Mr. Sato. | Tokyo |\n"),
                r.body());
        assertEquals(List.of("SIN-2023-11.jpg"), source.get("images"));
        // a flash bulletin reports the site chrome above its header and the footer below
        Http.Response flash = http.postText("/api/v1/bulletins/import",
                "ホーム > 海外事務所だより\n" + uniqueFlash("パリ") + "バックナンバーはこちら\n");
        assertEquals(201, flash.status(), flash.body());
        assertEquals(List.of(Map.of("line", 1, "text", "ホーム > 海外事務所だより"),
                Map.of("line", 9, "text", "バックナンバーはこちら")), flash.map().get("removed"));
    }

    @Test
    void aReportExportedAsHtmlIsImportedWithItsTableAndItsFurnitureReported() throws Exception {
        String html = new String(getClass().getResourceAsStream("/bulletins/report-cms.html").readAllBytes(),
                StandardCharsets.UTF_8).replace("councillors 2023", "councillors " + UUID.randomUUID());
        Http.Response r = http.send(java.net.http.HttpRequest.newBuilder(
                        server.getURI().resolve("/api/v1/reports/import?office=LON"))
                .header("Content-Type", "text/html; charset=utf-8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(html)));
        assertEquals(201, r.status(), r.body());
        assertEquals("2023-11-20", r.map().get("publishedOn"));
        Map<?, ?> source = (Map<?, ?>) ((Map<?, ?>) ((List<?>) r.map().get("pairs")).get(0)).get("source");
        assertTrue(((String) source.get("body")).contains("\n| Mon | City of Edinburgh Council. Tourism board. |\n"),
                r.body());
        assertEquals(List.of(5, 6, 28, 32), ((List<?>) r.map().get("removed")).stream()
                .map(m -> ((Number) ((Map<?, ?>) m).get("line")).intValue()).toList());
    }

    @Test
    void aPreviewAnswersWhatAnImportWouldCreateAndWritesNothing() throws Exception {
        String text = uniqueFlash("パリ");
        List<Long> before = counts();
        Http.Response preview = http.postText("/api/v1/bulletins/import?preview=true", "ホーム\n" + text);
        assertEquals(200, preview.status(), preview.body());
        Map<?, ?> bulletin = (Map<?, ?>) preview.map().get("bulletin");
        assertEquals("2026-04-15", bulletin.get("publishedOn"));
        List<?> pairs = (List<?>) bulletin.get("pairs");
        assertEquals(List.of("PAR", "LON"), pairs.stream().map(p -> ((Map<?, ?>) p).get("office")).toList());
        assertEquals(List.of(Map.of("line", 1, "text", "ホーム")), preview.map().get("removed"));
        assertEquals(before, counts(), "a preview writes nothing");
        // refused exactly as the import would be
        assertProblem(http.postText("/api/v1/reports/import?office=LON&preview=true", "Untitled\nno date here\n"), 422,
                "DATE_REQUIRED");
        assertEquals(201, http.postText("/api/v1/bulletins/import", text).status());
        assertProblem(http.postText("/api/v1/bulletins/import?preview=true", text), 409, "DUPLICATE_BULLETIN");
        assertProblem(http.postText("/api/v1/bulletins/import?preview=true", text.replace("=パリ", "!=パリ")), 409,
                "POSSIBLE_DUPLICATE");
        assertEquals(200, http.postText("/api/v1/bulletins/import?preview=true&confirm=true",
                text.replace("=パリ", "!=パリ")).status());
    }

    @Test
    void aReportTakesPublishedOnAndWithoutAnyDateOffersTheDatesItMentionsInsteadOfToday() throws SQLException {
        String undated = "Seminar " + UUID.randomUUID() + "\n\nThe seminar was held on 20 November 2023 in London.\n"
                + "A follow-up is planned for 令和6年2月1日.\n";
        List<Long> before = counts();
        Http.Response refused = http.postText("/api/v1/reports/import?office=LON", undated);
        assertProblem(refused, 422, "DATE_REQUIRED");
        assertEquals(List.of("2023-11-20", "2024-02-01"), refused.map().get("candidates"));
        assertEquals(before, counts(), "nothing written");
        Http.Response dated = http.postText("/api/v1/reports/import?office=LON&publishedOn=2023-11-20", undated);
        assertEquals(201, dated.status(), dated.body());
        assertEquals("2023-11-20", dated.map().get("publishedOn"), "a 2023 seminar is filed under 2023");
        // the editor's date wins over the date line of a flash bulletin too
        Http.Response flash = http.postText("/api/v1/bulletins/import?publishedOn=2026-04-16", uniqueFlash("パリ"));
        assertEquals(201, flash.status(), flash.body());
        assertEquals("2026-04-16", flash.map().get("publishedOn"));
        String noDate = uniqueFlash("パリ").replace("2026年4月15日配信\n", "");
        assertProblem(http.postText("/api/v1/bulletins/import", noDate), 422, "DATE_REQUIRED");
    }

    @Test
    void unknownThingsAreProblemsToo() {
        assertProblem(http.get("/api/v1/bulletins/999999999"), 404, "NOT_FOUND");
        assertProblem(http.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
        assertInvalidParameter(http.get("/api/v1/bulletins/abc"), "id");
        assertInvalidParameter(http.get("/api/v1/bulletins?size=1000"), "size");
        assertInvalidParameter(http.get("/api/v1/bulletins?page=-1"), "page");
        var list = http.get("/api/v1/bulletins?size=5");
        assertEquals(200, list.status());
        assertTrue(http.get("/api/v1/offices").body().contains("\"nameJa\":\"本部\""));
    }
}
