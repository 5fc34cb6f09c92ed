package jp.kakehashi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.support.Browser;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Readers' pages: search in Japanese and romaji with facets and highlights, spelling suggestions,
 * hostile released text rendered as text, error pages for broken links, the API reference under the
 * strict CSP, and forms that refuse a missing CSRF token.
 */
@Slow
@MicronautTest(transactional = false)
class ReaderPagesTest extends BrowserPages {
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
        navigate(() -> browser.findElement(By.cssSelector(".facets a[href*='office=PAR']")).click());
        assertTrue(browser.findElements(By.cssSelector(".hit .meta span")).stream()
                .allMatch(s -> s.getText().equals("PAR")), "office facet filters");

        navigate(() -> browser.findElements(By.cssSelector(".hit .side[lang=ja] h3 a")).getFirst().click());
        assertTrue(browser.getCurrentUrl().contains("/bulletins/"));
        assertFalse(browser.findElements(By.cssSelector(".pair-article .side[lang=ja]")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector(".pair-article .side[lang=en]")).isEmpty());
        // each translated item reads paragraph by paragraph, both languages in one row
        List<WebElement> rows = browser.findElements(By.cssSelector(".pair-article .pair.paragraph"));
        assertFalse(rows.isEmpty());
        for (WebElement row : rows) {
            assertEquals(2, row.findElements(By.cssSelector(".body[lang=ja], .body[lang=en]")).size(), row.getText());
        }
        assertTrue(rows.stream().anyMatch(r -> !r.findElement(By.cssSelector(".body[lang=en]")).getText().isBlank()));
        assertTrue(browser.findElement(By.cssSelector(".meta time")).getText().startsWith("令和"),
                "Japanese dates in the imperial era");
        Browser.screenshot(browser, "bulletin-ja");

        navigate(() -> browser.findElement(By.cssSelector("header nav a")).click());
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.cssSelector(".meta time")).getText().matches("\\d{1,2} [A-Z][a-z]+ \\d{4}"));
        browser.get(base + "/");
        assertEquals("Search", browser.findElement(By.cssSelector("form.search button")).getText(),
                "the language choice is remembered");
        Browser.screenshot(browser, "search-en");
        browser.get(base + "/?lang=ja");
    }

    @Test
    void aReaderWhoMisspellsANameIsOfferedTheNearestWordAndTheYearsInTheEra() throws IOException {
        browser.get(base + "/?lang=ja");
        searchFor("shirakwa");
        assertTrue(browser.findElements(By.cssSelector(".hit")).isEmpty());
        List<WebElement> offered = browser.findElements(By.cssSelector(".suggest a"));
        assertEquals(List.of("白河", "Shirakawa"), offered.stream().map(WebElement::getText).toList());
        Browser.screenshot(browser, "search-did-you-mean");
        navigate(() -> offered.getFirst().click());
        assertFalse(browser.findElements(By.cssSelector(".hit")).isEmpty(), "the suggestion finds something");
        assertTrue(browser.findElements(By.cssSelector(".suggest")).isEmpty());

        searchFor("令和2年");
        assertTrue(browser.findElements(By.cssSelector(".facets a")).stream()
                .anyMatch(a -> a.getText().equals("2020年（令和2年） (3)")), "the year facet in the era");
    }

    @Test
    void fiftyXssPayloadsInReleasedTextRenderAsTextOnEveryReaderPage() throws Exception {
        List<String> payloads = payloads();
        assertTrue(payloads.size() >= 50);
        String word = "xss" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Staffing staffing = new Staffing(http);
        Person importer = staffing.editor("TYO");
        Person approver = staffing.editor("TYO");
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (String p : payloads) {
            // the payload also inside the line notation: a heading, a list item, a table cell
            String blocks = "\n## " + p + "\n- " + p + "\n| " + p.replace("|", "") + " | x |";
            pairs.add(Map.of("office", "TYO", "sourceLang", "ja", "source", Map.of("title", p + " " + word,
                    "body", "本文 " + word + " " + p + blocks, "captions", List.of(p)), "target", Map.of("title", p,
                    "body", word + " " + p + blocks)));
        }
        Http.Response created = importer.http().postJson("/api/v1/bulletins", Map.of("titleJa", payloads.getFirst(),
                "titleEn", payloads.get(1), "publishedOn", "2026-11-22", "pairs", pairs));
        var ids = jp.kakehashi.support.Fixtures.created(created);
        long bulletin = ids.bulletinId();
        for (long id : ids.pairIds()) {
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
            if (page.startsWith("/bulletins/")) {
                assertFalse(browser.findElements(By.cssSelector(".pair.paragraph .body[lang=en] table.text-table td"))
                        .isEmpty(), "table rows are shown as a table");
                assertFalse(browser.findElements(By.cssSelector(".pair.paragraph .body[lang=ja] li")).isEmpty());
                assertFalse(browser.findElements(By.cssSelector(".pair.paragraph .body h3")).isEmpty());
            }
        }
        Browser.screenshot(browser, "xss-search");
        Http.Response raw = http.get("/bulletins/" + bulletin);
        assertTrue(raw.header("Content-Security-Policy").contains("script-src 'self'"));
        assertFalse(raw.body().contains("<script>window"), "escaped in the HTML itself");
    }

    @Test
    void theApiReferencePageRendersTheGeneratedDocumentUnderTheStrictCsp() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "/api/docs");
        waitFor(d -> d.findElements(By.cssSelector(".swagger-ui .opblock")).size() > 40,
                "Swagger UI lists the operations");
        assertTrue(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText().contains("Kakehashi"));
        assertFalse(browser.findElements(By.cssSelector(".opblock-summary-path[data-path='/api/v1/pairs/bulk']"))
                .isEmpty(), "the newest endpoints are there too");
        Browser.screenshot(browser, "api-docs");
    }

    /**
     * A stale or mistyped link opened in a browser shows a page in the reader's language with the
     * status kept, not the API's problem+json; API clients asking for JSON still get problem+json.
     */
    @Test
    void brokenLinksOpenedInABrowserShowAnErrorPageAndTheApiStillAnswersProblemJson() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "/bulletins/abc?lang=ja");
        assertEquals("ja", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("パラメータ"),
                browser.getPageSource());
        browser.get(base + "/no/such/page?lang=ja");
        assertEquals("見つかりません", browser.findElement(By.tagName("h1")).getText());
        assertFalse(browser.getPageSource().contains("problem+json"));
        Browser.screenshot(browser, "error-ja");

        Person lon = new Staffing(http).editor("LON");
        long unreleased = jp.kakehashi.support.Fixtures.bulletin(lon.http(), "LON", 1, true).bulletinId();
        for (long id : List.of(unreleased, 999_999_999L)) {
            browser.get(base + "/bulletins/" + id + "?lang=ja");
            assertEquals("見つかりません", browser.findElement(By.tagName("h1")).getText(), "bulletin " + id);
            assertFalse(browser.getPageSource().contains("試験号"), "an unreleased bulletin shows nothing of itself");
            assertEquals(404, http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/bulletins/"
                    + id)).header("Accept", "text/html").GET()).status());
        }

        signIn(lon);
        browser.get(base + "/work/pairs/999999999");
        assertEquals("Not found", browser.findElement(By.tagName("h1")).getText());
        assertFalse(browser.findElements(By.cssSelector("a[href='/work']")).isEmpty(), "a way back to work");

        for (String path : List.of("/bulletins/abc", "/no/such/page", "/?q=x&page=99999999999")) {
            Http.Response page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .header("Accept-Language", "en").GET());
            assertTrue(page.contentType().startsWith("text/html"), path + " " + page.contentType());
            assertEquals(path.startsWith("/no/") ? 404 : 400, page.status(), path);
            assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"), path);
            Http.Response api = http.get(path);
            assertEquals(page.status(), api.status(), path);
            assertTrue(api.contentType().startsWith("application/problem+json"), path + " " + api.contentType());
        }
        Http.Response api = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                base + "/api/v1/pairs/abc")).header("Accept", "text/html,*/*;q=0.8").GET());
        assertTrue(api.contentType().startsWith("application/problem+json"), "the API is never HTML");
    }

    @Test
    void formsWithoutTheCsrfTokenAndApiWritesWithTheSignInCookieAloneAreRefused() throws Exception {
        Person editor = new Staffing(http).editor("LON");
        Http.Response forged = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                base + "/api/v1/bulletins")).header("Content-Type", "application/json")
                .header("Cookie", "JWT=" + editor.token())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(401, forged.status(), "the API does not take the sign-in cookie: " + forged.body());
        Http.Response form = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                base + "/work/pairs/1/act")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JWT=" + editor.token() + "; csrf=abc")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("action=claim&_csrf=wrong")));
        assertEquals(303, form.status());
        assertTrue(form.header("Location").contains("error=FORBIDDEN"), form.header("Location"));
    }
}
