package jp.kakehashi.memory;

import static jp.kakehashi.support.Problem.assertInvalidParameter;
import static jp.kakehashi.support.Problem.assertProblem;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.index.IndexStore;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The translation memory over HTTP: fed by approvals and TMX, looked up, searched, exported. */
@MicronautTest(transactional = false)
class MemoryApiTest extends ServiceTest {
    static final String VISIT = "白河市の職員がパリを訪問した。";
    static final String TALK = "市長は姉妹都市提携について話した。";
    static final String MEETING = "会議は十一月に開かれる。";
    static final String TALK_EN = "The mayor spoke about the sister city partnership.";
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TmRepository tm;
    @Inject
    MemoryAnalyzers analyzers;
    @Inject
    jp.kakehashi.index.CommitOrder order;
    Person editor;
    Person translator;

    @BeforeAll
    void setUp() {
        Staffing staffing = new Staffing(new Http(server, json));
        editor = staffing.editor("PAR");
        translator = staffing.translator("PAR");
        long id = pair(VISIT + TALK + MEETING);
        approve(id, "Staff of Shirakawa City visited Paris. " + TALK_EN + " The meeting will be held in November.");
        awaitMatch(VISIT, "ja");
    }

    private long pair(String body) {
        Map<String, Object> p = Map.of("office", "PAR", "sourceLang", "ja", "source",
                Map.of("title", "白河だるま " + UUID.randomUUID(), "body", body));
        return Fixtures.created(editor.http().postJson("/api/v1/bulletins", Map.of("titleJa", "メモリ試験 "
                + UUID.randomUUID(), "publishedOn", "2026-11-22", "pairs", List.of(p)))).pairIds().getFirst();
    }

    private void approve(long id, String english) {
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/claim", Map.of()).status());
        Http.Response saved = translator.http().write("PUT", "/api/v1/pairs/" + id + "/target",
                Map.of("title", "Shirakawa daruma", "body", english), Fixtures.etag(translator.http(), id));
        assertEquals(200, saved.status(), saved.body());
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/submit", Map.of()).status());
        Http.Response approved = editor.http().postJson("/api/v1/pairs/" + id + "/approve", Map.of());
        assertEquals(200, approved.status(), approved.body());
    }

    private Http.Response lookup(Person who, String text, String lang, String extra) {
        return who.http().get("/api/v1/tm/lookup?lang=" + lang + "&text=" + enc(text) + extra);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> matches(String text, String lang, String extra) {
        Http.Response r = lookup(translator, text, lang, extra);
        assertEquals(200, r.status(), r.body());
        return (List<Map<String, Object>>) r.map().get("matches");
    }

    private List<Map<String, Object>> awaitMatch(String text, String lang) {
        long until = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < until) {
            List<Map<String, Object>> m = matches(text, lang, "");
            if (!m.isEmpty()) {
                return m;
            }
            sleep();
        }
        throw new AssertionError("no memory match for " + text + " within 15 s");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> unit(Map<String, Object> match) {
        return (Map<String, Object>) match.get("unit");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMergeASplitAndAnOmittedLinkTextBecomeTheUnitsTheTranslatorMade() {
        String merged = "蔵王町の物産展が開かれた。多くの町民が訪れた。";
        String split = "会場では地元企業12社が商品を紹介し、商談会も行われた。";
        long id = pair(merged + split + "詳しくはこちら。\n（パリ事務所）");
        approve(id,
                "A Zao Town products fair was held and drew many residents. Twelve local companies presented their "
                        + "products at the venue. Business meetings were also held.\n(Paris Office)");
        List<Map<String, Object>> both = awaitMatch(merged, "ja");
        assertEquals("EXACT", both.getFirst().get("kind"), both.toString());
        assertEquals("A Zao Town products fair was held and drew many residents.", unit(both.getFirst()).get("target"));
        List<Map<String, Object>> two = matches(split, "ja", "");
        assertEquals("Twelve local companies presented their products at the venue. Business meetings were also held.",
                unit(two.getFirst()).get("target"), two.toString());
        assertEquals("(Paris Office)", unit(matches("（パリ事務所）", "ja", "").getFirst()).get("target"));
        // by position the link text would have been remembered as "(Paris Office)"
        assertTrue(matches("詳しくはこちら。", "ja", "").stream().noneMatch(m -> "EXACT".equals(m.get("kind"))),
                "a link text left untranslated gives no unit");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) translator.http()
                .get("/api/v1/pairs/" + id + "/segments").map().get("rows");
        assertEquals(List.of("0+1=0", "2=1+2", "3=", "4=3"), rows.stream().map(r -> r.get("link")).toList());
        assertEquals("EMPTY", rows.get(2).get("state"), "the untranslated link text is an empty row");
        assertEquals(java.util.Arrays.asList(null, null, "LINK_TEXT", "ATTRIBUTION"), rows.stream().map(r -> r.get("role"))
                .toList(), "lines translated on their own are marked by role");
    }

    @Test
    void linksTheTranslatorCorrectsHoldForTheRowsAndTheMemoryAndBadOnesChangeNothing() {
        String first = "甲府市の代表団がリヨンを訪れた。";
        String second = "ワイン醸造所を見学した。";
        long id = pair(first + second);
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/claim", Map.of()).status());
        String english = "A Kofu delegation visited Lyon. It toured a winery.";
        for (List<String> bad : List.of(List.of("0=0"), List.of("0=1", "1=0"), List.of("0=0", "x"),
                List.of("0=0", "1=1", "=2"))) {
            String etag = Fixtures.etag(translator.http(), id);
            Http.Response refused = translator.http().write("PUT", "/api/v1/pairs/" + id + "/target",
                    Map.of("title", "Kofu", "body", english, "links", bad), etag);
            assertProblem(refused, 422, "VALIDATION_FAILED");
            assertEquals("links", refused.map().get("field"), refused.body());
            assertEquals(etag, Fixtures.etag(translator.http(), id), "nothing saved for " + bad);
        }
        // the translator wants the two sentences remembered as one unit, not two
        Http.Response saved = translator.http().write("PUT", "/api/v1/pairs/" + id + "/target",
                Map.of("title", "Kofu", "body", english, "links", List.of("0+1=0+1")), Fixtures.etag(translator.http(), id));
        assertEquals(200, saved.status(), saved.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) translator.http()
                .get("/api/v1/pairs/" + id + "/segments").map().get("rows");
        assertEquals(List.of("0+1=0+1"), rows.stream().map(r -> r.get("link")).toList());
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/submit", Map.of()).status());
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + id + "/approve", Map.of()).status());
        List<Map<String, Object>> both = awaitMatch(first + second, "ja");
        assertEquals("EXACT", both.getFirst().get("kind"), both.toString());
        assertEquals(english, unit(both.getFirst()).get("target"));
        assertTrue(matches(first, "ja", "").stream().noneMatch(m -> "EXACT".equals(m.get("kind"))),
                "no unit for the first sentence alone");
    }

    @Test
    void aDraftSentSegmentBySegmentIsStoredAsTextWithItsRowsAsLinksAndRemembered() {
        String first = "秋田市の高校生がナントを訪れた。";
        String second = "市長と懇談した。";
        String third = "両市の交流は30年を超える。";
        long id = pair(first + second + "\n" + third + "詳しくはこちら。（パリ事務所）");
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/claim", Map.of()).status());
        for (List<Map<String, String>> bad : List.of(List.of(Map.of("sources", "0", "text", "x")),
                List.of(Map.of("sources", "1+2+3+4", "text", "x"), Map.of("sources", "0", "text", "y")),
                List.of(Map.of("sources", "0+1+2+3+4", "text", "x"), Map.of("sources", "4", "text", "y")),
                List.of(Map.of("sources", "0;1", "text", "x")))) {
            String etag = Fixtures.etag(translator.http(), id);
            Http.Response refused = translator.http().write("PUT", "/api/v1/pairs/" + id + "/target",
                    Map.of("title", "Akita", "segments", bad), etag);
            assertProblem(refused, 422, "VALIDATION_FAILED");
            assertEquals("segments", refused.map().get("field"), refused.body());
            assertEquals(etag, Fixtures.etag(translator.http(), id), "nothing saved for " + bad);
        }
        assertProblem(translator.http().write("PUT", "/api/v1/pairs/" + id + "/target", Map.of("title", "Akita",
                "body", "x", "segments", List.of(Map.of("sources", "0+1+2+3+4", "text", "x"))),
                Fixtures.etag(translator.http(), id)), 422, "VALIDATION_FAILED");

        List<Map<String, String>> rows = List.of(
                Map.of("sources", "0+1", "text", "Akita high school students visited Nantes and met the mayor."),
                Map.of("sources", "2", "text", "The two cities have been friends for 30 years. Their ties are close."),
                Map.of("sources", "3", "text", ""),
                Map.of("sources", "4", "text", "(Paris Office)"));
        Http.Response saved = translator.http().write("PUT", "/api/v1/pairs/" + id + "/target",
                Map.of("title", "Akita", "segments", rows), Fixtures.etag(translator.http(), id));
        assertEquals(200, saved.status(), saved.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) translator.http().get("/api/v1/pairs/" + id).map()
                .get("target");
        assertEquals("Akita high school students visited Nantes and met the mayor.\nThe two cities have been friends"
                + " for 30 years. Their ties are close. (Paris Office)", target.get("body"), "rows of a paragraph share a line");
        assertEquals(List.of("0+1=0", "2=1+2", "3=", "4=3"), target.get("links"));
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + id + "/submit", Map.of()).status());
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + id + "/approve", Map.of()).status());
        assertEquals("Akita high school students visited Nantes and met the mayor.",
                unit(awaitMatch(first + second, "ja").getFirst()).get("target"), "the joined row is one unit");
        assertEquals("The two cities have been friends for 30 years. Their ties are close.",
                unit(matches(third, "ja", "").getFirst()).get("target"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSubstantiveSourceRevisionKeepsTheTranslationOfUnchangedSentencesAndMarksTheChangedOne() {
        String body = "山形市の職員がストラスブールを訪れた。市長と懇談した。\n交流は今年で5年目を迎える。詳しくはこちら。";
        long id = pair(body);
        approve(id, "Yamagata city staff visited Strasbourg and met the mayor.\nThe exchange is in its fifth year.");
        String etag = Fixtures.etag(editor.http(), id);
        Http.Response revised = editor.http().write("PUT", "/api/v1/pairs/" + id + "/source", Map.of("title",
                "山形市", "body", body.replace("5年目", "6年目"), "change", "substantive", "reason", "年数の訂正"), etag);
        assertEquals(200, revised.status(), revised.body());
        assertEquals("OUTDATED", revised.map().get("status"));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) translator.http()
                .get("/api/v1/pairs/" + id + "/segments").map().get("rows");
        assertEquals(List.of("Yamagata city staff visited Strasbourg and met the mayor.", "", ""),
                rows.stream().map(r -> r.get("target") == null ? "" : r.get("target")).toList(), rows.toString());
        assertEquals(List.of(false, true, false), rows.stream().map(r -> r.get("changed")).toList(),
                "only the revised sentence needs work; the link text stays left out");
        // nothing was stored: the draft is still the one of the old source until the translator saves
        Map<String, Object> target = (Map<String, Object>) translator.http().get("/api/v1/pairs/" + id).map()
                .get("target");
        assertEquals(1, ((Number) target.get("basedOnSourceRevision")).intValue());
    }

    @Test
    void anApprovedSentenceComesBackInContextThenExactWithItsProvenance() {
        List<Map<String, Object>> inContext = matches(TALK, "ja", "&previous=" + enc(VISIT) + "&next=" + enc(MEETING));
        assertEquals("IN_CONTEXT", inContext.getFirst().get("kind"), inContext.toString());
        Map<String, Object> unit = unit(inContext.getFirst());
        assertEquals(TALK_EN, unit.get("target"));
        assertEquals("en", unit.get("targetLang"));
        assertEquals("PAR", unit.get("office"));
        assertEquals("APPROVED", unit.get("origin"));
        assertEquals(translator.username(), unit.get("translatedBy"));
        assertEquals(editor.username(), unit.get("addedBy"));
        assertNotNull(unit.get("pairId"));
        assertNotNull(unit.get("updatedAt"));

        List<Map<String, Object>> exact = matches(TALK, "ja", "");
        assertEquals("EXACT", exact.getFirst().get("kind"));
        assertEquals(100, ((Number) exact.getFirst().get("score")).intValue());
        // the same sentence typed with a half-width 。 is still the same sentence (NFKC)
        assertEquals("EXACT", matches(TALK.replace("。", "｡"), "ja", "").getFirst().get("kind"));
    }

    @Test
    void aSentenceOneWordAwayIsAFuzzyMatchAndAnUnrelatedOneIsNone() {
        List<Map<String, Object>> fuzzy = matches("白河市の職員がロンドンを訪問した。", "ja", "");
        assertEquals("FUZZY", fuzzy.getFirst().get("kind"), fuzzy.toString());
        int score = ((Number) fuzzy.getFirst().get("score")).intValue();
        assertTrue(score >= 70 && score < 100, "score " + score);
        assertEquals("Staff of Shirakawa City visited Paris.", unit(fuzzy.getFirst()).get("target"));
        assertTrue(matches("明日の天気は晴れのち曇りでしょう。", "ja", "").isEmpty());
        assertTrue(matches("白河市の職員がロンドンを訪問した。", "ja", "&threshold=95").isEmpty(),
                "a stricter threshold drops the fuzzy match");
    }

    @Test
    void theMemoryAnswersFromEitherLanguage() {
        List<Map<String, Object>> english = matches(TALK_EN, "en", "");
        assertEquals("EXACT", english.getFirst().get("kind"));
        assertEquals(TALK, unit(english.getFirst()).get("target"));
        assertEquals("ja", unit(english.getFirst()).get("targetLang"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void concordanceFindsARunOfKanjiOrWordsAndSaysWhere() {
        Http.Response r = translator.http().get("/api/v1/tm/concordance?lang=ja&q=" + enc("姉妹都市"));
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> hits = (List<Map<String, Object>>) r.map().get("hits");
        assertFalse(hits.isEmpty(), r.body());
        String source = (String) unit(hits.getFirst()).get("source");
        Map<String, Object> span = ((List<Map<String, Object>>) hits.getFirst().get("highlights")).getFirst();
        assertEquals("姉妹都市", source.substring(((Number) span.get("start")).intValue(), ((Number) span.get("end")).intValue()));

        Http.Response en = translator.http().get("/api/v1/tm/concordance?lang=en&q=" + enc("SISTER CITY"));
        List<Map<String, Object>> enHits = (List<Map<String, Object>>) en.map().get("hits");
        Map<String, Object> enSpan = ((List<Map<String, Object>>) enHits.getFirst().get("highlights")).getFirst();
        assertEquals("sister city", ((String) unit(enHits.getFirst()).get("source")).substring(
                ((Number) enSpan.get("start")).intValue(), ((Number) enSpan.get("end")).intValue()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewPairGetsSuggestionsForTheSentencesTheMemoryKnows() {
        long id = pair(VISIT + "新しい文はまだ誰も訳していない。");
        Http.Response r = translator.http().get("/api/v1/pairs/" + id + "/suggestions");
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> segments = (List<Map<String, Object>>) r.map().get("segments");
        assertEquals(1, segments.size(), r.body());
        assertEquals(0, ((Number) segments.getFirst().get("index")).intValue());
        Map<String, Object> best = ((List<Map<String, Object>>) segments.getFirst().get("matches")).getFirst();
        assertEquals("EXACT", best.get("kind"), "the neighbours differ, so not in context");
        assertEquals("Staff of Shirakawa City visited Paris.", unit(best).get("target"));
    }

    @Test
    void badParametersAreRefusedAsInvalidParametersWithTheFieldNamedLikeEverywhereElseInTheApi() {
        assertInvalidParameter(lookup(translator, "x", "fr", ""), "lang");
        assertInvalidParameter(lookup(translator, "x", "ja", "&threshold=20"), "threshold");
        assertInvalidParameter(lookup(translator, "x", "ja", "&threshold=abc"), "threshold");
        assertInvalidParameter(lookup(translator, "x", "ja", "&limit=500"), "limit");
        assertInvalidParameter(translator.http().get("/api/v1/tm/lookup?lang=ja"), "text");
        assertInvalidParameter(translator.http().get("/api/v1/tm/concordance?lang=ja&q=x&limit=0"), "limit");
        assertInvalidParameter(translator.http().get("/api/v1/tm/export.tmx?limit=0"), "limit");
        assertInvalidParameter(translator.http().get("/api/v1/tm/export.tmx?after=x"), "after");
        assertProblem(lookup(translator, "あ".repeat(2001), "ja", ""), 422, "FIELD_TOO_LONG");
        assertProblem(translator.http().get("/api/v1/tm/concordance?lang=ja&q=" + "字".repeat(201)), 422, "FIELD_TOO_LONG");
        assertEquals(401, translator.http().anonymous().get("/api/v1/tm/lookup?lang=ja&text=x").status());
    }

    private Http.Response importTmx(Person who, String tmx) {
        return who.http().post("/api/v1/tm/import", "application/x-tmx+xml", tmx.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTmxFileAddsItsJapaneseEnglishUnitsWithTheirProvenanceAndSkipsOtherLanguages() {
        String tmx = """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence"
                 o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>
                <tu creationid="okapi-user" creationdate="20250101T000000Z">
                 <prop type="x-kakehashi-office">PAR</prop>
                 <tuv xml:lang="en-GB"><seg>Welcome to <ph x="1">&lt;b&gt;</ph>Sendai<ph x="2">&lt;/b&gt;</ph>.</seg></tuv>
                 <tuv xml:lang="ja-JP"><seg>仙台へようこそ。</seg></tuv></tu>
                <tu><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu>
                </body></tmx>""";
        assertEquals(403, importTmx(translator, tmx).status());
        Http.Response r = importTmx(editor, tmx);
        assertEquals(200, r.status(), r.body());
        assertEquals(1, ((Number) r.map().get("units")).intValue());
        assertEquals(1, ((Number) r.map().get("skipped")).intValue());
        Map<String, Object> unit = unit(awaitMatch("Welcome to Sendai.", "en").getFirst());
        assertEquals("仙台へようこそ。", unit.get("target"));
        assertEquals("TMX", unit.get("origin"));
        assertEquals("okapi-user", unit.get("translatedBy"));
        assertEquals(editor.username(), unit.get("addedBy"));
        assertEquals("PAR", unit.get("office"));
        assertTrue(((String) unit.get("createdAt")).startsWith("2025-01-01"), unit.toString());
    }

    @Test
    void theExportReimportsWithoutTakingOverWhatApprovalsSaid() {
        Http.Response page = translator.http().get("/api/v1/tm/export.tmx?limit=1");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.header("Link").contains("rel=\"next\""), "more than one unit: a next page");
        Http.Response all = translator.http().get("/api/v1/tm/export.tmx");
        assertTrue(all.contentType().startsWith("application/x-tmx+xml"), all.contentType());
        assertTrue(all.body().contains("<seg>" + TALK + "</seg>"), all.body());
        assertTrue(all.body().contains("creationid=\"" + translator.username() + "\""), all.body());
        Http.Response again = importTmx(editor, all.body());
        assertEquals(200, again.status(), again.body());
        Map<String, Object> unit = unit(matches(TALK, "ja", "").getFirst());
        assertEquals("APPROVED", unit.get("origin"), "the approval's provenance stays");
    }

    @Test
    void hostileOrOversizedTmxIsRefusedAndChangesNothing() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE tmx [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><tmx version=\"1.4\">"
                + "<header srclang=\"ja\"/><body><tu><tuv xml:lang=\"ja\"><seg>外部&e;</seg></tuv>"
                + "<tuv xml:lang=\"en\"><seg>External</seg></tuv></tu></body></tmx>";
        assertProblem(importTmx(editor, xxe), 400, "INVALID_XML");
        assertProblem(importTmx(editor, "<tmx><body><tu>"), 400, "INVALID_XML");
        assertProblem(importTmx(editor, "<tbx/>"), 400, "INVALID_XML");
        StringBuilder many = new StringBuilder("<tmx version=\"1.4\"><header srclang=\"ja\"/><body>");
        for (int i = 0; i <= TmxFormat.MAX_UNITS; i++) {
            many.append("<tu><tuv xml:lang=\"ja\"><seg>多").append(i).append("</seg></tuv><tuv xml:lang=\"en\"><seg>M")
                    .append(i).append("</seg></tuv></tu>");
        }
        assertProblem(importTmx(editor, many.append("</body></tmx>").toString()), 422, "TOO_MANY_ITEMS");
        assertTrue(matches("多1", "ja", "").isEmpty(), "nothing of the refused file was kept");
    }

    /**
     * A second index of the same table on its own directory: built beside and committed whole, then
     * what it reads is searchable at once but committed only when its interval has passed (never, at
     * an hour) or at a clean stop, and a follower with no interval resumes from that commit and
     * commits what it reads on its own.
     */
    @Test
    void theMemoryIndexCommitsWhatItMadeSearchableOnlyAfterItsIntervalOrAtACleanStop() throws Exception {
        Path dir = Path.of(dataDir(), "tm-follower-" + System.nanoTime());
        long units = tm.count();
        MemoryIndex lazy = new MemoryIndex(tm, analyzers, dir, order, Duration.ofMillis(50), Duration.ofHours(1));
        long searchable;
        try {
            lazy.onApplicationEvent(null);
            awaitTrue(() -> lazy.indexedUpTo() > 0 && lazy.search(s -> s.getIndexReader().numDocs()) == units);
            long rebuilt = lazy.indexedUpTo();
            assertEquals(Long.toString(rebuilt), IndexStore.committed(dir).orElseThrow().get("tm_unit"),
                    "a rebuild is committed whole before it is searched");
            assertEquals(200, importTmx(editor, "<tmx version=\"1.4\"><header srclang=\"ja\"/><body><tu><tuv "
                    + "xml:lang=\"ja\"><seg>遅延 " + System.nanoTime() + "</seg></tuv><tuv xml:lang=\"en\"><seg>Lazy"
                    + "</seg></tuv></tu></body></tmx>").status());
            awaitTrue(() -> lazy.indexedUpTo() > rebuilt);
            searchable = lazy.indexedUpTo();
            assertEquals(Long.toString(rebuilt), IndexStore.committed(dir).orElseThrow().get("tm_unit"),
                    "what it read since is searchable but not committed before the interval has passed");
        } finally {
            lazy.close();
        }
        assertEquals(Long.toString(searchable), IndexStore.committed(dir).orElseThrow().get("tm_unit"),
                "a clean stop commits it");

        MemoryIndex eager = new MemoryIndex(tm, analyzers, dir, order, Duration.ofMillis(50), Duration.ZERO);
        try {
            eager.onApplicationEvent(null);
            awaitTrue(() -> eager.indexedUpTo() == searchable);
            String tmx = "<tmx version=\"1.4\"><header srclang=\"ja\"/><body><tu><tuv xml:lang=\"ja\"><seg>追従 "
                    + System.nanoTime() + "</seg></tuv><tuv xml:lang=\"en\"><seg>Follower</seg></tuv></tu></body></tmx>";
            assertEquals(200, importTmx(editor, tmx).status());
            awaitTrue(() -> eager.indexedUpTo() > searchable && Long.parseLong(IndexStore.committed(dir)
                    .orElseThrow().get("tm_unit")) == eager.indexedUpTo());
        } finally {
            eager.close();
        }
    }

    private static void awaitTrue(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        while (!condition.call()) {
            assertTrue(System.nanoTime() < until, "not within 30 s");
            sleep();
        }
    }
}
