package jp.kakehashi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.support.Browser;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Reader pages in headless Chromium against the real service, demo content and search index. */
@MicronautTest(transactional = false)
class ReaderPagesBrowserTest extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Http http;
    WebDriver browser;
    String base;

    @Override
    protected String dataDir() {
        return "target/test-data/pages";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kakehashi.demo", "true", "kakehashi.search.poll-interval", "100ms");
    }

    @BeforeAll
    void setUp() throws Exception {
        http = new Http(server, json);
        base = server.getURI().toString().replaceAll("/$", "");
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Http.Response r = http.get("/api/v1/search?q=shirakawa");
            if (r.status() == 200 && ((Number) r.map().get("total")).intValue() > 0) {
                break;
            }
            Thread.sleep(200);
        }
        browser = Browser.start("ja");
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void searchFor(String text) {
        WebElement box = browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys(text, Keys.ENTER);
    }

    @Test
    void aReaderSearchesInJapaneseAndInRomajiAndOpensABulletin() throws IOException {
        browser.get(base + "/?lang=ja");
        assertEquals("ja", browser.findElement(By.tagName("html")).getAttribute("lang"));
        searchFor("白河");
        List<WebElement> marks = browser.findElements(By.cssSelector(".hit mark"));
        assertTrue(marks.stream().anyMatch(m -> m.getText().equals("白河")), "highlighted: " + marks.size());
        assertTrue(browser.findElement(By.cssSelector(".count")).getText().endsWith("件"));
        Browser.screenshot(browser, "search-ja-shirakawa");

        searchFor("shirakawa");
        List<WebElement> titles = browser.findElements(By.cssSelector(".hit .side[lang=ja] h3 a"));
        assertTrue(titles.stream().anyMatch(t -> t.getText().contains("白河")), "romaji finds 白河");
        browser.findElement(By.cssSelector(".facets a[href*='office=PAR']")).click();
        assertTrue(browser.findElements(By.cssSelector(".hit .meta span")).stream()
                .allMatch(s -> s.getText().equals("PAR")), "office facet filters");

        browser.findElements(By.cssSelector(".hit .side[lang=ja] h3 a")).getFirst().click();
        assertTrue(browser.getCurrentUrl().contains("/bulletins/"));
        assertFalse(browser.findElements(By.cssSelector(".pair-article .side[lang=ja]")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector(".pair-article .side[lang=en]")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector(".meta time")).getText().startsWith("令和"),
                "Japanese dates in the imperial era");
        Browser.screenshot(browser, "bulletin-ja");

        browser.findElement(By.cssSelector("header nav a")).click();
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.cssSelector(".meta time")).getText().matches("\\d{1,2} [A-Z][a-z]+ \\d{4}"));
        browser.get(base + "/");
        assertEquals("Search", browser.findElement(By.cssSelector("form.search button")).getText(),
                "the language choice is remembered");
        Browser.screenshot(browser, "search-en");
        browser.get(base + "/?lang=ja");
    }

    @Test
    void fiftyXssPayloadsInReleasedTextRenderAsTextOnEveryReaderPage() throws Exception {
        List<String> payloads = new ArrayList<>();
        try (var in = getClass().getResourceAsStream("/xss/payloads.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    payloads.add(line);
                }
            }
        }
        assertTrue(payloads.size() >= 50);
        String word = "xss" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Staffing staffing = new Staffing(http);
        Person importer = staffing.editor("TYO");
        Person approver = staffing.editor("TYO");
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (String p : payloads) {
            pairs.add(Map.of("office", "TYO", "sourceLang", "ja", "source", Map.of("title", p + " " + word,
                    "body", "本文 " + word + " " + p, "captions", List.of(p)), "target", Map.of("title", p,
                    "body", word + " " + p)));
        }
        Http.Response created = importer.http().postJson("/api/v1/bulletins", Map.of("titleJa", payloads.getFirst(),
                "titleEn", payloads.get(1), "publishedOn", "2026-11-22", "pairs", pairs));
        assertEquals(201, created.status(), created.body());
        long bulletin = ((Number) created.map().get("id")).longValue();
        for (Object p : (List<?>) created.map().get("pairs")) {
            long id = ((Number) ((Map<?, ?>) p).get("id")).longValue();
            assertEquals(200, approver.http().postJson("/api/v1/pairs/" + id + "/approve", Map.of()).status());
        }
        assertEquals(200, approver.http().postJson("/api/v1/bulletins/" + bulletin + "/release", Map.of()).status());
        Instant deadline = Instant.now().plusSeconds(10);
        while (((Number) http.get("/api/v1/search?q=" + word).map().get("total")).intValue() < 50
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        for (String page : List.of("/bulletins/" + bulletin + "?lang=ja", "/bulletins/" + bulletin + "?lang=en",
                "/?q=" + word + "&lang=ja", "/?q=" + word + "&lang=en", "/?q=" + word + "&lang=ja&page=1")) {
            browser.get(base + page);
            assertNoScriptRan(page);
            String text = browser.findElement(By.tagName("main")).getText();
            assertTrue(text.contains("window.__xss=1"), page + " shows the payloads as text");
        }
        Browser.screenshot(browser, "xss-search");
        Http.Response raw = http.get("/bulletins/" + bulletin);
        assertTrue(raw.header("Content-Security-Policy").contains("script-src 'self'"));
        assertFalse(raw.body().contains("<script>window"), "escaped in the HTML itself");
    }

    private void assertNoScriptRan(String page) {
        try {
            browser.switchTo().alert();
            throw new AssertionError(page + ": an alert opened");
        } catch (NoAlertPresentException expected) {
            // good
        }
        Object flag = ((JavascriptExecutor) browser).executeScript("return window.__xss;");
        assertNull(flag, page + ": a payload ran");
        assertEquals(0, browser.findElements(By.cssSelector(".hits script, .hits img, .hits svg, .hits iframe, .hits object, .hits embed, .hits video, .hits audio, .hits form, .hits input, .hits details, .hits x, .hits style, .hits link, .hits meta, .hits base, .hits button, .hits select, .hits textarea, .hits marquee, .hits math, .hits template, .hits noscript, .hits table, .hits a[href^='javascript'], .pair-article script, .pair-article img, .pair-article svg, .pair-article iframe, .pair-article object, .pair-article embed, .pair-article video, .pair-article audio, .pair-article form, .pair-article input, .pair-article details, .pair-article x, .pair-article style, .pair-article link, .pair-article meta, .pair-article base, .pair-article button, .pair-article select, .pair-article textarea, .pair-article marquee, .pair-article math, .pair-article template, .pair-article noscript, .pair-article table, .pair-article a[href^='javascript'], h1 script, h1 img, h1 svg, h1 iframe, h1 object, h1 embed, h1 video, h1 audio, h1 form, h1 input, h1 details, h1 x, h1 style, h1 link, h1 meta, h1 base, h1 button, h1 select, h1 textarea, h1 marquee, h1 math, h1 template, h1 noscript, h1 table, h1 a[href^='javascript']")).size(),
                page + ": payload markup became elements");
    }
}
