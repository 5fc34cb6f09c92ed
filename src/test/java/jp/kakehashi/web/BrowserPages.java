package jp.kakehashi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Reader and staff pages in headless Chromium against the real service, its demo content and
 * search index: what the page tests share. Each subclass starts a service of its own (mail to
 * GreenMail, webhooks to 127.0.0.2) and one Chromium, so the four run side by side; helpers sign
 * in, press a button and wait for the page it loads, and check that no script of the content ran.
 */
abstract class BrowserPages extends ServiceTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Http http;
    WebDriver browser;
    String base;
    /** The SMTP server notification mail goes to. */
    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Override
    protected Map<String, String> extraProperties() {
        smtp.start();
        return Map.of("kakehashi.demo", "true", "kakehashi.search.poll-interval", "100ms",
                "kakehashi.mail.host", "127.0.0.1", "kakehashi.mail.port", Integer.toString(smtp.getSmtp().getPort()),
                "kakehashi.mail.starttls", "OFF", "kakehashi.mail.poll-interval", "200ms",
                "kakehashi.webhooks.allowed-hosts", "127.0.0.2", "kakehashi.webhooks.poll-interval", "100ms");
    }

    @BeforeAll
    void setUp() throws Exception {
        http = new Http(server, json);
        base = server.getURI().toString().replaceAll("/$", "");
        jp.kakehashi.search.IndexConsistencyTest.caughtUp(server);
        browser = Browser.start("ja");
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void tearDown() {
        smtp.stop();
        if (browser != null) {
            browser.quit();
        }
    }

    void searchFor(String text) {
        WebElement box = browser.findElement(By.id("q"));
        box.clear();
        navigate(() -> box.sendKeys(text, Keys.ENTER));
    }

    void fillImport(String text) {
        browser.findElement(By.id("kind-report")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("office"))).selectByValue("SIN");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("text")), text);
    }

    void signIn(Person who) {
        signIn(who.username(), Staffing.PASSWORD);
    }

    void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        navigate(() -> browser.findElement(By.cssSelector("form.stack button")).click());
        assertTrue(browser.getCurrentUrl().endsWith("/work"), browser.getCurrentUrl());
    }

    /** Clicks a form button and waits until a new document has loaded in place of this one. */
    void press(String id) {
        navigate(() -> browser.findElement(By.id(id)).click());
    }

    /**
     * Waits on the new document, not a clock; the bound only ends a wait that would never end. It is
     * 60 s: at the slow tier's peak (service JVMs, Galera, Solr, Chromium on two cores) a draft's save
     * and the page after it once took more than 10 s, and a submit's page once did not come within
     * 30. A wait that ends says what the browser had then, so a CI log tells a lost click (still the
     * old document) from a slow answer.
     */
    void navigate(Runnable action) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.__before = true;");
        action.run();
        long start = System.nanoTime();
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
                try {
                    return Boolean.TRUE.equals(js.executeScript(
                            "return window.__before === undefined && document.readyState === 'complete';"));
                } catch (org.openqa.selenium.WebDriverException navigating) {
                    return false;
                }
            });
        } catch (org.openqa.selenium.TimeoutException stuck) {
            throw new AssertionError(String.format("no new document %.1f s after the action: %s", (System.nanoTime()
                    - start) / 1e9, whatTheBrowserHas(js)), stuck);
        }
    }

    private String whatTheBrowserHas(JavascriptExecutor js) {
        try {
            Browser.screenshot(browser, "navigation-stuck-" + System.currentTimeMillis());
            return String.valueOf(js.executeScript("return 'url ' + location.href + ', readyState '"
                    + " + document.readyState + (window.__before ? ', still the document the action was taken on'"
                    + " : ', a new document'); "));
        } catch (IOException | RuntimeException e) {
            return "(the browser did not say: " + e + ")";
        }
    }

    String status() {
        return browser.findElement(By.id("status")).getText();
    }

    /** What a download link of the page answers, fetched by the page itself (its cookie, its origin). */
    String fetchLink(String id) {
        String href = browser.findElement(By.id(id)).getAttribute("href");
        return (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", href);
    }

    /** Sends a file through a file field and its form's button, as a person picking it from disk would. */
    void upload(String field, String button, String name, String content) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("upload").resolve(name);
        java.nio.file.Files.writeString(file, content);
        browser.findElement(By.id(field)).sendKeys(file.toAbsolutePath().toString());
        press(button);
    }

    /** Waits, without touching the page, until a job's page has reloaded itself to the job's end. */
    void awaitJobEnd() {
        waitFor(d -> {
            try {
                String state = d.findElement(By.cssSelector(".job-state")).getText();
                return state.equals("Finished") || state.equals("Failed");
            } catch (org.openqa.selenium.WebDriverException reloading) {
                return false;
            }
        }, "the job's page reloaded itself until the job ended");
    }

    long lonPair(Person importer, String body) {
        Http.Response created = importer.http().postJson("/api/v1/bulletins", Map.of("titleJa", "メモリ画面試験 "
                + UUID.randomUUID(), "publishedOn", "2026-11-22", "pairs", List.of(Map.of("office", "LON",
                "sourceLang", "ja", "source", Map.of("title", "八戸市 " + UUID.randomUUID(), "body", body)))));
        assertEquals(201, created.status(), created.body());
        return jp.kakehashi.support.Fixtures.created(created).pairIds().getFirst();
    }

    String active() {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    void waitFor(java.util.function.Function<WebDriver, Boolean> condition, String what) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(what + "; browser log: " + browser.manage().logs().get("browser").getAll(), e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> target(Person who, long pair) {
        return (Map<String, Object>) who.http().get("/api/v1/pairs/" + pair).map().get("target");
    }

    /** Tab from the focused element until {@code id} has the focus, then Enter, as a keyboard user would. */
    void tabAndPress(String id) {
        WebElement focused = browser.switchTo().activeElement();
        for (int i = 0; i < 60 && !id.equals(focused.getAttribute("id")); i++) {
            focused.sendKeys(Keys.TAB);
            focused = browser.switchTo().activeElement();
        }
        assertEquals(id, focused.getAttribute("id"), id + " is reachable with Tab");
        WebElement button = focused;
        navigate(() -> button.sendKeys(Keys.ENTER));
    }

    long parPair(Person importer, String body, List<String> captions) {
        Http.Response created = importer.http().postJson("/api/v1/bulletins", Map.of("titleJa", "セグメント試験 "
                + UUID.randomUUID(), "publishedOn", "2026-11-22", "pairs", List.of(Map.of("office", "PAR",
                "sourceLang", "ja", "source", Map.of("title", "白河市 " + UUID.randomUUID(), "body", body,
                        "captions", captions)))));
        assertEquals(201, created.status(), created.body());
        return jp.kakehashi.support.Fixtures.created(created).pairIds().getFirst();
    }

    void assertStaffPageInert(String page) {
        try {
            browser.switchTo().alert();
            throw new AssertionError(page + ": an alert opened");
        } catch (NoAlertPresentException expected) {
            // good
        }
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__xss;"), page + ": a payload ran");
        // the dashboard's own charts are SVG of rects, labels and titles only; any other SVG is a payload
        assertEquals(0, browser.findElements(By.cssSelector("main svg.chart *:not(rect):not(text):not(title)")).size(),
                page + ": a chart holds foreign elements");
        assertEquals(0, browser.findElements(By.cssSelector("main script, main img, main svg:not(.chart), main iframe,"
                + " main object, main embed, main video, main audio, main details, main x, main marquee, main math,"
                + " main template, main noscript, main style, main link, main meta, main base, main b,"
                + " main a[href^='javascript']")).size(), page + ": payload markup became elements");
    }

    List<String> payloads() throws IOException {
        List<String> payloads = new ArrayList<>();
        try (var in = getClass().getResourceAsStream("/xss/payloads.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    payloads.add(line);
                }
            }
        }
        return payloads;
    }

    void assertNoScriptRan(String page) {
        try {
            browser.switchTo().alert();
            throw new AssertionError(page + ": an alert opened");
        } catch (NoAlertPresentException expected) {
            // good
        }
        Object flag = ((JavascriptExecutor) browser).executeScript("return window.__xss;");
        assertNull(flag, page + ": a payload ran");
        assertEquals(0, browser.findElements(By.cssSelector(".hits script, .hits img, .hits svg, .hits iframe, .hits object, .hits embed, .hits video, .hits audio, .hits form, .hits input, .hits details, .hits x, .hits style, .hits link, .hits meta, .hits base, .hits button, .hits select, .hits textarea, .hits marquee, .hits math, .hits template, .hits noscript, .hits table, .hits a[href^='javascript'], .pair-article script, .pair-article img, .pair-article svg, .pair-article iframe, .pair-article object, .pair-article embed, .pair-article video, .pair-article audio, .pair-article form, .pair-article input, .pair-article details, .pair-article x, .pair-article style, .pair-article link, .pair-article meta, .pair-article base, .pair-article button, .pair-article select, .pair-article textarea, .pair-article marquee, .pair-article math, .pair-article template, .pair-article noscript, .pair-article table:not(.text-table), .pair-article a[href^='javascript'], h1 script, h1 img, h1 svg, h1 iframe, h1 object, h1 embed, h1 video, h1 audio, h1 form, h1 input, h1 details, h1 x, h1 style, h1 link, h1 meta, h1 base, h1 button, h1 select, h1 textarea, h1 marquee, h1 math, h1 template, h1 noscript, h1 table, h1 a[href^='javascript']")).size(),
                page + ": payload markup became elements");
    }
}
