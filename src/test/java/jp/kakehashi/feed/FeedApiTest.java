package jp.kakehashi.feed;

import static jp.kakehashi.support.Problem.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Atom feeds, read by Rome as a feed reader would: valid Atom 1.0, each language holding what
 * readers have in it and nothing more (an original before its translation, nothing of a draft),
 * per office and per saved search, hostile text kept as text, and 304 for a poller that has it.
 */
@MicronautTest(transactional = false)
class FeedApiTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Http reader;
    Person editor;
    Person approver;
    Person translator;
    String tag;
    long bulletin;
    List<Long> pairs;

    @BeforeAll
    void setUp() {
        Staffing staffing = new Staffing(new Http(server, json));
        reader = new Http(server, json);
        editor = staffing.person("ed", List.of("EDITOR"), List.of("PAR", "LON"));
        approver = staffing.person("ap", List.of("EDITOR"), List.of("PAR", "LON"));
        translator = staffing.person("tr", List.of("TRANSLATOR"), List.of("PAR", "LON"));
        tag = "feed" + UUID.randomUUID().toString().substring(0, 6);
        Http.Response created = editor.http().postJson("/api/v1/bulletins", Map.of("titleJa", "フィード号 " + tag,
                "publishedOn", "2026-11-22", "pairs", List.of(
                        item("PAR", "パリの記事 " + tag, "パリで交流会を開いた。<script>alert(1)</script>\u0001終わり"),
                        item("LON", "ロンドンの記事 " + tag, "ロンドンで説明会を開いた。"))));
        Fixtures.Created b = Fixtures.created(created);
        bulletin = b.bulletinId();
        pairs = b.pairIds();
        Fixtures.created(editor.http().postJson("/api/v1/bulletins", Map.of("titleJa", "下書き " + tag,
                "publishedOn", "2026-11-23", "pairs", List.of(item("PAR", "下書きの記事 " + tag, "まだ出ていない。")))));
    }

    private static Map<String, Object> item(String office, String title, String body) {
        return Map.of("office", office, "sourceLang", "ja", "source", Map.of("title", title, "body", body));
    }

    private SyndFeed feed(String path) throws Exception {
        Http.Response r = reader.get(path);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/atom+xml"), r.contentType());
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(r.raw().body())));
        assertEquals("atom_1.0", feed.getFeedType());
        assertFalse(feed.getTitle().isBlank());
        assertTrue(feed.getUri().startsWith("tag:kakehashi,2026:feed/"), feed.getUri());
        return feed;
    }

    private List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).filter(t -> t.contains(tag)).sorted().toList();
    }

    private void translateAndApprove(long pair, String english) {
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + pair + "/claim", Map.of()).status());
        Http.Response saved = translator.http().write("PUT", "/api/v1/pairs/" + pair + "/target",
                Map.of("title", english, "body", "An exchange meeting was held."), Fixtures.etag(translator.http(), pair));
        assertEquals(200, saved.status(), saved.body());
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + pair + "/submit", Map.of()).status());
        Http.Response approved = approver.http().postJson("/api/v1/pairs/" + pair + "/approve", Map.of());
        assertEquals(200, approved.status(), approved.body());
    }

    @Test
    void eachLanguagesFeedHoldsWhatReadersHaveInItAsTheBulletinIsReleased() throws Exception {
        assertEquals(List.of(), titles(feed("/feeds/bulletins.atom?lang=ja")), "nothing of a draft");

        Http.Response out = editor.http().postJson("/api/v1/bulletins/" + bulletin + "/release-source", Map.of());
        assertEquals(200, out.status(), out.body());
        SyndFeed ja = feed("/feeds/bulletins.atom?lang=ja");
        assertEquals(List.of("パリの記事 " + tag, "ロンドンの記事 " + tag), titles(ja));
        assertTrue(reader.get("/feeds/bulletins.atom?lang=ja").body().contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">"));
        SyndEntry paris = ja.getEntries().stream().filter(e -> e.getTitle().startsWith("パリ")).findFirst().orElseThrow();
        assertEquals("パリで交流会を開いた。<script>alert(1)</script>終わり", paris.getContents().getFirst().getValue(),
                "markup in the text stays text; a control character XML cannot hold is left out");
        assertEquals("PAR", paris.getCategories().getFirst().getName());
        assertEquals("/bulletins/" + bulletin + "?lang=ja#pair-" + pairs.getFirst(), paris.getLink());
        assertEquals(List.of(), titles(feed("/feeds/bulletins.atom?lang=en")), "no translation is out yet");

        translateAndApprove(pairs.get(0), "Paris item " + tag);
        translateAndApprove(pairs.get(1), "London item " + tag);
        assertEquals(List.of(), titles(feed("/feeds/bulletins.atom?lang=en")), "approved is not released");
        Http.Response released = editor.http().postJson("/api/v1/bulletins/" + bulletin + "/release", Map.of());
        assertEquals(200, released.status(), released.body());
        SyndFeed en = feed("/feeds/bulletins.atom?lang=en");
        assertEquals(List.of("London item " + tag, "Paris item " + tag), titles(en));
        assertEquals(List.of("London item " + tag), titles(feed("/feeds/bulletins.atom?lang=en&office=LON")));

        String q = URLEncoder.encode(tag, StandardCharsets.UTF_8);
        assertEquals(List.of("パリの記事 " + tag, "ロンドンの記事 " + tag), titles(feed("/feeds/search.atom?q=" + q)),
                "a saved search: released items only, not the draft that matches too");
        assertEquals(List.of("Paris item " + tag), titles(feed("/feeds/search.atom?lang=en&office=PAR&q=" + q)));
    }

    @Test
    void aPollerWithTheCurrentFeedGetsNotModified() {
        Http.Response first = reader.get("/feeds/bulletins.atom?lang=ja");
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), String.valueOf(etag));
        Http.Response again = reader.send(HttpRequest.newBuilder(reader.base().resolve("/feeds/bulletins.atom?lang=ja"))
                .header("If-None-Match", etag).GET());
        assertEquals(304, again.status());
        assertEquals("", again.body());
    }

    @Test
    void aFeedOfNoLanguageOrOfficeWeKnowIsRefused() {
        assertInvalidParameter(reader.get("/feeds/bulletins.atom?lang=fr"), "lang");
        assertInvalidParameter(reader.get("/feeds/bulletins.atom?office=XXX"), "office");
        assertInvalidParameter(reader.get("/feeds/search.atom"), "q");
        assertInvalidParameter(reader.get("/feeds/search.atom?q=" + "x".repeat(201)), "q");
    }

    @Test
    void theReaderPagesOfferTheirFeeds() {
        String q = URLEncoder.encode(tag, StandardCharsets.UTF_8);
        Http.Response page = reader.get("/?lang=en&q=" + q);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<link rel=\"alternate\" type=\"application/atom+xml\""), page.body());
        assertTrue(page.body().contains("href=\"/feeds/bulletins.atom?lang=en\""), page.body());
        assertTrue(page.body().contains("href=\"/feeds/search.atom?q=" + q + "&amp;lang=en\""), page.body());
    }
}
