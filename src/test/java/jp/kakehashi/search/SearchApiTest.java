package jp.kakehashi.search;

import static jp.kakehashi.support.Problem.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search over real HTTP, MariaDB and a Lucene index fed from the outbox, on the demo content. */
@MicronautTest(transactional = false)
class SearchApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Http reader;
    Staffing staffing;
    Person editor;
    Person approver;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kakehashi.demo", "true", "kakehashi.search.poll-interval", "100ms");
    }

    @BeforeAll
    void setUp() throws InterruptedException {
        reader = new Http(server, json);
        staffing = new Staffing(reader);
        editor = staffing.editor("TYO");
        approver = staffing.person("ed", List.of("EDITOR"), List.of("SEL", "TYO"));
        IndexConsistencyTest.caughtUp(server);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    Map<String, Object> search(Http http, String query) {
        Http.Response r = http.get("/api/v1/search?" + query);
        assertEquals(200, r.status(), r.body());
        return r.map();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> hits(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("hits");
    }

    static String side(Map<String, Object> hit, String lang, String key) {
        Map<?, ?> side = (Map<?, ?>) hit.get(lang);
        return side == null ? null : (String) side.get(key);
    }

    @Test
    void kanjiFindsEnglishOnlyRomajiAndRomajiFindsKanji() {
        List<Map<String, Object>> byKanji = hits(search(reader, "q=" + enc("白河")));
        assertTrue(byKanji.size() >= 3, "both PAR items and the Singapore report: " + byKanji);
        Map<String, Object> report = byKanji.stream().filter(h -> "SIN".equals(h.get("office"))).findFirst()
                .orElseThrow();
        assertTrue(side(report, "en", "snippet").contains("<mark>Shirakawa</mark>"), side(report, "en", "snippet"));

        List<Map<String, Object>> byRomaji = hits(search(reader, "q=shirakawa&lang=ja"));
        assertTrue(byRomaji.size() >= 3, byRomaji.toString());
        assertTrue(byRomaji.stream().anyMatch(h -> side(h, "ja", "snippet").contains("<mark>白河</mark>")),
                "a romaji hit marks the Japanese words it came from: " + byRomaji);
    }

    @Test
    void bilingualTermsExpandBothWaysAndPairsMatchingInBothLanguagesRankFirst() {
        List<Map<String, Object>> ja = hits(search(reader, "q=" + enc("姉妹都市") + "&lang=en"));
        assertTrue(ja.size() >= 2, "姉妹都市 finds English 'sister city': " + ja);
        List<Map<String, Object>> en = hits(search(reader, "q=" + enc("sister city") + "&lang=ja"));
        assertTrue(en.size() >= 2, "'sister city' finds Japanese 姉妹都市: " + en);
        List<Map<String, Object>> both = hits(search(reader, "q=" + enc("姉妹都市")));
        assertTrue(side(both.getFirst(), "ja", "snippet").contains("<mark>")
                && side(both.getFirst(), "en", "snippet").contains("<mark>"), both.getFirst().toString());
    }

    @Test
    void kyotoDoesNotMatchTokyoMetropolis() {
        List<Map<String, Object>> hits = hits(search(reader, "q=" + enc("京都") + "&lang=ja"));
        assertFalse(hits.isEmpty());
        for (Map<String, Object> h : hits) {
            assertFalse(side(h, "ja", "title").contains("東京都") && !side(h, "ja", "title").contains("京都府"),
                    h.toString());
        }
    }

    @Test
    void readersSeeReleasedPairsOnlyEvenInTotalsAndFacetsAndAReleaseIsSearchableWithinASecond()
            throws InterruptedException {
        String word = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Http.Response created = editor.http().postJson("/api/v1/bulletins", Map.of("titleJa", "検索試験",
                "publishedOn", "2026-11-22", "pairs", List.of(Map.of("office", "SEL", "sourceLang", "ja",
                        "source", Map.of("title", "八戸市の記事 " + word, "body", "八戸市の職員<script>alert(1)</script>がソウルを訪問。"),
                        "target", Map.of("title", "Hachinohe " + word, "body", "Staff of Hachinohe City visited Seoul.")))));
        assertEquals(201, created.status(), created.body());
        long bulletin = ((Number) created.map().get("id")).longValue();
        long pair = jp.kakehashi.support.Fixtures.created(created).pairIds().getFirst();
        Map<String, Object> staffView = waitFor(editor.http(), "q=" + word, 1);
        assertEquals("SUBMITTED", hits(staffView).getFirst().get("status"));
        Map<String, Object> readerView = search(reader, "q=" + word);
        assertEquals(0, ((Number) readerView.get("total")).intValue());
        assertEquals(Map.of(), ((Map<?, ?>) readerView.get("facets")).get("office"));
        assertEquals(1, ((Number) search(editor.http(), "q=" + word + "&status=SUBMITTED").get("total")).intValue());
        assertEquals(0, ((Number) search(editor.http(), "q=" + word + "&status=APPROVED").get("total")).intValue());

        assertEquals(200, approver.http().postJson("/api/v1/pairs/" + pair + "/approve", Map.of()).status());
        assertEquals(200, approver.http().postJson("/api/v1/bulletins/" + bulletin + "/release", Map.of()).status());
        Instant released = Instant.now();
        Map<String, Object> visible = waitFor(reader, "q=" + word, 1);
        long millis = java.time.Duration.between(released, Instant.now()).toMillis();
        assertTrue(millis < 1000, "searchable " + millis + " ms after the release");
        Map<String, Object> hit = hits(visible).getFirst();
        assertEquals(null, hit.get("status"), "readers are not shown workflow states");
        assertEquals(Map.of("SEL", 1), ((Map<?, ?>) visible.get("facets")).get("office"));

        String snippet = side(hits(search(reader, "q=" + enc("八戸市 ") + word)).getFirst(), "ja", "snippet");
        assertTrue(snippet.contains("<mark>") && !snippet.contains("<script>") && snippet.contains("&lt;script&gt;"),
                snippet);
        assertTrue(hits(search(reader, "q=" + enc("Hachinohe") + "&lang=ja")).stream()
                .anyMatch(h -> ((Number) h.get("pairId")).longValue() == pair), "romaji finds 八戸市");
    }

    @Test
    void filtersFacetsAndPagingWork() {
        Map<String, Object> all = search(reader, "q=" + enc("観光") + "&size=100");
        Map<?, ?> offices = (Map<?, ?>) ((Map<?, ?>) all.get("facets")).get("office");
        assertTrue(offices.size() >= 3, offices.toString());
        int sin = ((Number) offices.get("SIN")).intValue();
        Map<String, Object> onlySin = search(reader, "q=" + enc("観光") + "&office=SIN&size=100");
        assertEquals(sin, ((Number) onlySin.get("total")).intValue());
        hits(onlySin).forEach(h -> assertEquals("SIN", h.get("office")));
        assertEquals(0, ((Number) search(reader, "q=" + enc("観光") + "&from=2030-01-01").get("total")).intValue());
        Map<String, Object> page1 = search(reader, "q=" + enc("観光") + "&size=2&page=1");
        assertEquals(2, hits(page1).size());
        assertEquals(hits(all).get(2).get("pairId"), hits(page1).getFirst().get("pairId"));
        assertInvalidParameter(reader.get("/api/v1/search?q=x&size=101"), "size");
        assertInvalidParameter(reader.get("/api/v1/search?q=x&size=0"), "size");
        assertInvalidParameter(reader.get("/api/v1/search?q=x&page=-1"), "page");
        assertInvalidParameter(reader.get("/api/v1/search?q=x&page=abc"), "page");
        assertInvalidParameter(reader.get("/api/v1/search?q=x&office=OSA"), "office");
        assertInvalidParameter(reader.get("/api/v1/search?q=x&lang=fr"), "lang");
        assertInvalidParameter(reader.get("/api/v1/search?q=x&from=2026-13-01"), "from");
        assertNotNull(((Map<?, ?>) all.get("facets")).get("year"));
    }

    @Test
    void hostileQueriesAreTextAndNeverFail() {
        for (String q : List.of("*:*", "a~", "/re/", "title:(", "\"unbalanced", "AND OR NOT", "\\", "-", "ｼﾞｪｯﾄ",
                "Ｔｏｋｙｏ", "e\u0301\u0301\u0301", "㋀㍻", "🇯🇵🗾", "x".repeat(10_000), "白".repeat(5000),
                "a b c d e f g h i j k l m n o p q r s t u v w x y z", "<script>alert(1)</script>")) {
            Http.Response r = reader.get("/api/v1/search?q=" + enc(q));
            assertEquals(200, r.status(), q.substring(0, Math.min(q.length(), 30)) + " → " + r.body());
        }
        assertEquals(0, ((Number) search(reader, "q=" + enc("*:*")).get("total")).intValue(),
                "*:* is not match-all");
        assertEquals(true, search(reader, "q=" + enc("x".repeat(10_000))).get("queryTruncated"));
        assertEquals(422, reader.get("/api/v1/search?q=" + "x".repeat(10_001)).status());
    }

    @Test
    void analyzeShowsTokensWithOffsetsToStaffOnly() {
        Map<String, Object> r = editor.http().get("/api/v1/analyze?analyzer=ja&text=" + enc("会津若松市のｼﾞｪｯﾄ"))
                .map();
        List<?> tokens = (List<?>) r.get("tokens");
        assertTrue(tokens.contains(Map.of("term", "会津若松", "start", 0, "end", 4, "type", "word", "position", 0,
                "positionLength", 2)), "the compound is kept beside its parts: " + tokens);
        assertTrue(tokens.contains(Map.of("term", "ジェット", "start", 6, "end", 11, "type", "word", "position", 4,
                "positionLength", 1)), "half-width ｼﾞｪｯﾄ (5 chars) folds to ジェット with original offsets: " + tokens);
        assertEquals(401, reader.get("/api/v1/analyze?analyzer=ja&text=x").status());
        assertEquals(400, editor.http().get("/api/v1/analyze?analyzer=xx&text=x").status());
    }

    @Test
    void readersFindAnOriginalReleasedAloneInItsLanguageButNotItsUnreleasedTranslation()
            throws InterruptedException {
        String word = "Qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String english = "Ew" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Http.Response created = editor.http().postJson("/api/v1/bulletins", Map.of("titleJa", "原文先行",
                "publishedOn", "2026-11-22", "pairs", List.of(Map.of("office", "SEL", "sourceLang", "ja",
                        "source", Map.of("title", "ソウル事務所の記事 " + word, "body", "ソウルで交流会を開催。"),
                        "target", Map.of("title", "Seoul " + english, "body", "An exchange event in Seoul.")))));
        long bulletin = ((Number) created.map().get("id")).longValue();
        assertEquals(200, approver.http().postJson("/api/v1/bulletins/" + bulletin + "/release-source", Map.of())
                .status());
        Map<String, Object> hit = hits(waitFor(reader, "q=" + word, 1)).getFirst();
        assertEquals(null, hit.get("en"), "the translation is not out: " + hit);
        assertEquals(0, ((Number) search(reader, "q=" + english).get("total")).intValue());
        assertEquals(1, ((Number) search(editor.http(), "q=" + english).get("total")).intValue(), "staff see it");
    }

    @Test
    void aYearIsFoundWhicheverWayItIsWrittenEraWesternOrAbbreviated() throws InterruptedException {
        // letters only: Kuromoji splits digits out of a word, and a stray "3" would be a year's number
        String word = "Yr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "q");
        Http.Response created = editor.http().postJson("/api/v1/bulletins", Map.of("titleJa", "年の書き方",
                "publishedOn", "2026-11-22", "pairs", List.of(
                        Map.of("office", "SEL", "sourceLang", "ja",
                                "source", Map.of("title", "ボルドー市との提携 " + word, "body", word + " 令和2年に姉妹都市提携を結んだ。"),
                                "target", Map.of("title", "Partnership with Bordeaux " + word,
                                        "body", word + ": the sister city partnership was signed in 2020.")),
                        Map.of("office", "SEL", "sourceLang", "ja",
                                "source", Map.of("title", "記念式典 " + word, "body", word + " 平成31年に記念式典を開いた。"),
                                "target", Map.of("title", "Ceremony " + word, "body", word + ": a ceremony was held in 2019.")))));
        approveAndRelease(created);
        waitFor(reader, "q=" + word, 2);
        for (String year : List.of("令和2年", "2020", "2020年", "R2")) {
            List<Map<String, Object>> hits = hits(search(reader, "q=" + enc(word + " " + year)));
            assertEquals(List.of("ボルドー市との提携 " + word), hits.stream().map(h -> side(h, "ja", "title")).toList(), year);
        }
        for (String year : List.of("平成31年", "令和元年", "2019")) {
            List<Map<String, Object>> hits = hits(search(reader, "q=" + enc(word + " " + year)));
            assertEquals(List.of("記念式典 " + word), hits.stream().map(h -> side(h, "ja", "title")).toList(), year);
        }
        assertEquals(0, ((Number) search(reader, "q=" + enc(word + " 令和3年")).get("total")).intValue());
    }

    @Test
    void britishAndAmericanSpellingsFindEachOther() throws InterruptedException {
        String word = "Sp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Http.Response created = editor.http().postJson("/api/v1/bulletins", Map.of("titleJa", "綴り",
                "publishedOn", "2026-11-22", "pairs", List.of(
                        Map.of("office", "SEL", "sourceLang", "ja", "source", Map.of("title", "文化センター " + word,
                                "body", "センターが交流事業を企画した。"), "target", Map.of("title", "Cultural Centre " + word,
                                "body", word + ": the centre organised an exchange programme for travellers.")),
                        Map.of("office", "SEL", "sourceLang", "ja", "source", Map.of("title", "劇場 " + word,
                                "body", "劇場で公演した。"), "target", Map.of("title", "Theater " + word,
                                "body", word + ": the theater program was organized in the neighborhood.")))));
        approveAndRelease(created);
        waitFor(reader, "q=" + word, 2);
        Map<String, String> expected = Map.of("center program", "Cultural Centre ", "organized travelers",
                "Cultural Centre ", "theatre", "Theater ", "theatre programme", "Theater ");
        expected.forEach((q, title) -> {
            List<Map<String, Object>> hits = hits(search(reader, "q=" + enc(word + " " + q) + "&lang=en"));
            assertEquals(List.of(title + word), hits.stream().map(h -> side(h, "en", "title")).toList(), q);
        });
        assertEquals(2, ((Number) search(reader, "q=" + enc(word + " organised") + "&lang=en").get("total")).intValue());
    }

    /** Every pair of a just-created bulletin approved by the second editor, then the bulletin released. */
    @Test
    void aQueryWithoutHitsSuggestsTheNearestWordsInBothScripts() {
        Map<String, Object> typo = search(reader, "q=" + enc("shirakwa"));
        assertEquals(0, ((Number) typo.get("total")).intValue());
        assertEquals(List.of("白河", "Shirakawa"), typo.get("suggestions"));
        Map<String, Object> kanji = search(reader, "q=" + enc("白川 交流"));
        assertEquals(List.of("白河 交流"), kanji.get("suggestions"));
        assertEquals(List.of(), search(reader, "q=" + enc("白河")).get("suggestions"), "hits: nothing to suggest");
    }

    @Test
    void readersAreNeverSuggestedAWordOnlyUnreleasedTextHolds() {
        // シカゴ is only in a bulletin not yet released
        assertEquals(List.of(), search(reader, "q=" + enc("シカコ")).get("suggestions"));
        assertEquals(List.of("シカゴ"), search(editor.http(), "q=" + enc("シカコ")).get("suggestions"));
    }

    void approveAndRelease(Http.Response created) {
        assertEquals(201, created.status(), created.body());
        for (Object p : (List<?>) created.map().get("pairs")) {
            long id = ((Number) ((Map<?, ?>) p).get("id")).longValue();
            assertEquals(200, approver.http().postJson("/api/v1/pairs/" + id + "/approve", Map.of()).status());
        }
        long bulletin = ((Number) created.map().get("id")).longValue();
        assertEquals(200, approver.http().postJson("/api/v1/bulletins/" + bulletin + "/release", Map.of()).status());
    }

    Map<String, Object> waitFor(Http http, String query, int total) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        Map<String, Object> r = search(http, query);
        while (((Number) r.get("total")).intValue() < total && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            r = search(http, query);
        }
        assertEquals(total, ((Number) r.get("total")).intValue(), r.toString());
        return r;
    }
}
