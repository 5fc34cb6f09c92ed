package jp.kakehashi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
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
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import jp.kakehashi.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Reader and staff pages in headless Chromium against the real service, demo content and search index. */
@Slow
@MicronautTest(transactional = false)
class PagesBrowserTest extends ServiceTest {
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
        jp.kakehashi.support.Indexed.caughtUp(server.getApplicationContext());
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

    private void searchFor(String text) {
        WebElement box = browser.findElement(By.id("q"));
        box.clear();
        navigate(() -> box.sendKeys(text, Keys.ENTER));
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
    void anEditorPreviewsAPastedWebPageChoosesItsDateAndImportsIt() throws Exception {
        Person editor = new Staffing(http).editor("SIN");
        String page;
        try (var in = getClass().getResourceAsStream("/bulletins/report-programme-table.md")) {
            page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("Seminar 2023", "Seminar " + UUID.randomUUID())
                    .replace("\n20 November 2023\n", "\nThe seminar opened on 20 November 2023.\n");
        }
        signIn(editor);
        navigate(() -> browser.findElement(By.id("import-link")).click());
        fillImport(page);
        press("preview");
        assertTrue(browser.findElement(By.id("error")).getText().contains("publishedOn"), "no date: refused");
        assertTrue(browser.findElements(By.id("do-import")).isEmpty(), "nothing to import yet");
        navigate(() -> browser.findElement(By.cssSelector("#candidates button")).click());
        assertEquals("2023-11-20", browser.findElement(By.id("publishedOn")).getAttribute("value"));
        assertEquals(1, browser.findElements(By.cssSelector(".preview-item")).size());
        assertEquals("SIN", browser.findElement(By.cssSelector(".preview-item .office")).getText());
        assertEquals(4, browser.findElements(By.cssSelector(".preview-item table.text-table tr")).size());
        assertEquals(8, browser.findElements(By.cssSelector("#removed li")).size());
        assertTrue(browser.findElement(By.id("removed")).getText().contains("Click here for directions"));
        assertStaffPageInert("/work/import");
        Browser.screenshot(browser, "import-preview");
        press("do-import");
        assertTrue(browser.getCurrentUrl().matches(".*/work/bulletins/\\d+"), browser.getCurrentUrl());
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
        assertEquals("2023-11-20", editor.http().get("/api/v1/bulletins/" + id).map().get("publishedOn"));
        // the same text again: refused as the API refuses it, the form kept
        browser.get(base + "/work/import");
        fillImport(page);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2023-11-20';",
                browser.findElement(By.id("publishedOn")));
        press("preview");
        assertTrue(browser.findElement(By.id("error")).getText().contains("already been imported"),
                browser.findElement(By.id("error")).getText());
        assertTrue(browser.findElement(By.id("text")).getAttribute("value").contains("Local Government Seminar"));
    }

    private void fillImport(String text) {
        browser.findElement(By.id("kind-report")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("office"))).selectByValue("SIN");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("text")), text);
    }

    private void signIn(Person who) {
        signIn(who.username(), Staffing.PASSWORD);
    }

    private void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        navigate(() -> browser.findElement(By.cssSelector("form.stack button")).click());
        assertTrue(browser.getCurrentUrl().endsWith("/work"), browser.getCurrentUrl());
    }

    /** Clicks a form button and waits until a new document has loaded in place of this one. */
    private void press(String id) {
        navigate(() -> browser.findElement(By.id(id)).click());
    }

    private void navigate(Runnable action) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.__before = true;");
        action.run();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                return Boolean.TRUE.equals(js.executeScript(
                        "return window.__before === undefined && document.readyState === 'complete';"));
            } catch (org.openqa.selenium.WebDriverException navigating) {
                return false;
            }
        });
    }

    private String status() {
        return browser.findElement(By.id("status")).getText();
    }

    @Test
    void aTranslatorDraftsAnEditorSendsBackThenApprovesAndReleasesAndTheReaderFindsIt() throws Exception {
        Staffing staffing = new Staffing(http);
        Person importer = staffing.editor("LON");
        Person translator = staffing.translator("LON");
        Person editor = staffing.editor("LON");
        String word = "Kbw" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Http.Response created = importer.http().postJson("/api/v1/bulletins", Map.of("titleJa", "画面試験",
                "publishedOn", "2026-11-22", "pairs", List.of(Map.of("office", "LON", "sourceLang", "ja",
                        "source", Map.of("title", "八戸市の生徒がロンドンを訪問 " + word, "body", "八戸市の中学生がロンドンの学校を訪れた。")))));
        assertEquals(201, created.status(), created.body());
        long pair = jp.kakehashi.support.Fixtures.created(created).pairIds().getFirst();

        signIn(translator);
        Browser.screenshot(browser, "work-translator");
        browser.get(base + "/work/pairs/" + pair);
        press("do-claim");
        assertEquals("Being translated", status());
        // another translator of the office sees the claim, and no button or field the rules would refuse
        signIn(staffing.translator("LON"));
        browser.get(base + "/work/pairs/" + pair);
        for (String id : List.of("do-takeover", "do-cancel", "do-unclaim", "do-submit", "do-claim", "draft", "editor")) {
            assertTrue(browser.findElements(By.id(id)).isEmpty(), id + " offered to a translator who may not");
        }
        signIn(translator);
        browser.get(base + "/work/pairs/" + pair);
        browser.findElement(By.id("title")).sendKeys("Hachinohe pupils visit London " + word);
        browser.findElement(By.id("seg-1")).sendKeys("八戸市の中学生 visited London.");
        press("save");
        press("do-submit");
        assertTrue(browser.findElement(By.id("qa")).getText().contains("Japanese text is left"),
                "QA messages on submit");
        WebElement draft = browser.findElement(By.id("seg-1"));
        draft.clear();
        draft.sendKeys("Pupils from Hachinohe visited a school in London.");
        press("save");
        assertTrue(browser.findElements(By.id("error")).isEmpty(), "saved");
        Browser.screenshot(browser, "pair-draft");
        press("do-submit");
        assertEquals("Awaiting review", status());

        signIn(editor);
        browser.get(base + "/work/pairs/" + pair);
        press("do-reject");
        assertTrue(browser.findElement(By.id("error")).getText().contains("reason"), "a reason is required");
        browser.findElement(By.id("reason-reject")).sendKeys("Say junior high school students <b>please</b>");
        press("do-reject");
        assertEquals("Changes requested", status());

        signIn(translator);
        // the queue says what waits and why: title, bulletin, direction, length, state, the reason
        WebElement mine = browser.findElement(By.cssSelector("#list-mine tr.queue-item[data-pair='" + pair + "']"));
        String row = mine.getText();
        assertTrue(row.contains("八戸市の生徒がロンドンを訪問 " + word) && row.contains("ja→en")
                && row.contains("Changes requested") && row.contains("characters"), row);
        assertTrue(mine.findElement(By.cssSelector(".reason")).getText()
                .contains("Say junior high school students <b>please</b>"), "the reason in the queue, as text");
        assertTrue(browser.findElement(By.cssSelector("#list-mine")).getText().contains("画面試験"), "grouped by bulletin");
        assertTrue(row.contains("#" + pair + " · London"), "the office by its name: " + row);
        assertStaffPageInert("/work");
        Browser.screenshot(browser, "work-queue");
        browser.get(base + "/work/pairs/" + pair);
        assertTrue(browser.findElement(By.cssSelector(".history")).getText()
                .contains("Say junior high school students <b>please</b>"), "the reviewer's reason, as text");
        assertEquals("Sent back: Say junior high school students <b>please</b>",
                browser.findElement(By.id("sent-back")).getText(), "and at the top of the pair");
        press("do-resume");
        WebElement body = browser.findElement(By.id("seg-1"));
        body.clear();
        body.sendKeys("Junior high school students from Hachinohe visited a school in London.");
        press("save");
        press("do-submit");
        assertEquals("Awaiting review", status());

        signIn(editor);
        browser.get(base + "/work/pairs/" + pair);
        press("do-approve");
        assertEquals("Approved", status());
        // publishing asks first: dismissing stays, accepting releases
        browser.findElement(By.id("do-release-bulletin")).click();
        assertTrue(browser.switchTo().alert().getText().contains("Publish"));
        browser.switchTo().alert().dismiss();
        assertEquals("Approved", status());
        navigate(() -> {
            browser.findElement(By.id("do-release-bulletin")).click();
            browser.switchTo().alert().accept();
        });
        assertTrue(browser.findElements(By.id("error")).isEmpty(), browser.getCurrentUrl());
        assertEquals("Published", status());
        Browser.screenshot(browser, "pair-published");

        browser.manage().deleteAllCookies();
        Instant deadline = Instant.now().plusSeconds(5);
        List<WebElement> hits = List.of();
        while (hits.isEmpty() && Instant.now().isBefore(deadline)) {
            browser.get(base + "/?q=" + word + "&lang=en");
            hits = browser.findElements(By.cssSelector(".hit .side[lang=en] h3 a"));
        }
        assertEquals(1, hits.size());
        assertTrue(hits.getFirst().getText().contains("Hachinohe pupils visit London"));
        Browser.screenshot(browser, "reader-finds-release");
    }

    @Test
    void anEditorPublishesTheOriginalsFirstAndTheReaderSeesTheTranslationInProgress() throws Exception {
        Staffing staffing = new Staffing(http);
        Person editor = staffing.editor("PAR");
        var b = jp.kakehashi.support.Fixtures.bulletin(editor.http(), "PAR", 2, false);
        signIn(editor);
        browser.get(base + "/work/bulletins/" + b.bulletinId());
        assertTrue(browser.findElements(By.id("retract")).isEmpty(), "nothing is out to retract");
        navigate(() -> {
            browser.findElement(By.id("release-source")).click();
            browser.switchTo().alert().accept();
        });
        assertTrue(browser.findElements(By.id("error")).isEmpty(), browser.getCurrentUrl());
        assertEquals("Japanese original: 2 of 2 items published", browser.findElement(By.id("edition-ja")).getText());
        assertEquals("English translation: 0 of 2 items published",
                browser.findElement(By.id("edition-en")).getText());
        assertTrue(browser.findElements(By.id("withdraw")).isEmpty(), "published: no longer withdrawable");
        assertTrue(browser.findElements(By.id("release-source")).isEmpty(), "nothing more to publish alone");
        Browser.screenshot(browser, "originals-released");

        browser.manage().deleteAllCookies();
        browser.get(base + "/bulletins/" + b.bulletinId() + "?lang=ja");
        List<WebElement> pending = browser.findElements(By.cssSelector("article .translation-pending"));
        assertEquals(2, pending.size());
        assertEquals("翻訳中です。", pending.getFirst().getText());
        Browser.screenshot(browser, "reader-originals-first");

        signIn(editor);
        browser.get(base + "/work/bulletins/" + b.bulletinId());
        browser.findElement(By.id("retract-reason")).sendKeys("published too early");
        navigate(() -> {
            browser.findElement(By.id("retract")).click();
            browser.switchTo().alert().accept();
        });
        assertEquals("Japanese original: 0 of 2 items published", browser.findElement(By.id("edition-ja")).getText());
        browser.manage().deleteAllCookies();
        browser.get(base + "/bulletins/" + b.bulletinId());
        assertTrue(browser.findElements(By.cssSelector("article")).isEmpty(), "retracted: readers see nothing");
    }

    /** What a download link of the page answers, fetched by the page itself (its cookie, its origin). */
    private String fetchLink(String id) {
        String href = browser.findElement(By.id(id)).getAttribute("href");
        return (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", href);
    }

    /** Sends a file through a file field and its form's button, as a person picking it from disk would. */
    private void upload(String field, String button, String name, String content) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("upload").resolve(name);
        java.nio.file.Files.writeString(file, content);
        browser.findElement(By.id(field)).sendKeys(file.toAbsolutePath().toString());
        press(button);
    }

    @Test
    void aTranslatorSendsAnXliffRoundTripAndAnEditorExchangesGlossaryAndMemoryFilesInThePages() throws Exception {
        Staffing staffing = new Staffing(http);
        Person editor = staffing.editor("PAR");
        Person translator = staffing.translator("PAR");
        var b = jp.kakehashi.support.Fixtures.bulletin(editor.http(), "PAR", 1, false);
        long pair = b.pairIds().getFirst();
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + pair + "/claim", Map.of()).status());

        signIn(translator);
        browser.get(base + "/work/pairs/" + pair);
        String xliff = fetchLink("download-xliff");
        assertTrue(xliff.contains("<xliff") && xliff.contains("<source>白河市の職員がパリを訪問した。</source>"), xliff);
        String translated = xliff.replace("</source></segment>", "</source><target>From the CAT tool.</target></segment>");
        upload("xliff-file", "upload-xliff", "pair.xlf", translated);
        assertTrue(browser.findElements(By.id("error")).isEmpty(), browser.getCurrentUrl());
        assertEquals("The translated file was saved as your draft.", browser.findElement(By.id("xliff-saved")).getText());
        Map<?, ?> target = (Map<?, ?>) translator.http().get("/api/v1/pairs/" + pair).map().get("target");
        assertEquals("From the CAT tool.", target.get("title"));
        upload("xliff-file", "upload-xliff", "broken.xlf", "<xliff");
        assertTrue(browser.getCurrentUrl().endsWith("?error=INVALID_XML"), browser.getCurrentUrl());
        Browser.screenshot(browser, "xliff-round-trip");

        String term = "試験用語" + UUID.randomUUID().toString().substring(0, 6);
        signIn(editor);
        browser.get(base + "/work/glossary");
        String tbx = fetchLink("export-tbx");
        assertTrue(tbx.contains("<tbx"), tbx);
        String oneTerm = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><tbx type=\"TBX-Basic\" style=\"dca\""
                + " xml:lang=\"ja\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body><conceptEntry id=\"c1\"><admin type=\"customerSubset\">PAR</admin>"
                + "<langSec xml:lang=\"ja\"><termSec><term>" + term + "</term></termSec></langSec>"
                + "<langSec xml:lang=\"en\"><termSec><term>test term</term></termSec></langSec>"
                + "</conceptEntry></body></text></tbx>";
        upload("tbx-file", "import-tbx", "terms.tbx", oneTerm);
        assertTrue(browser.getCurrentUrl().contains("/work/jobs/"), "the import is a job: " + browser.getCurrentUrl());
        awaitJobEnd();
        assertTrue(browser.findElements(By.id("error")).isEmpty(), browser.getCurrentUrl());
        assertEquals("1 added, 0 changed, 0 already there.", browser.findElement(By.id("imported")).getText());
        press("back");
        assertTrue(browser.findElement(By.id("terms")).getText().contains(term));

        browser.get(base + "/work/memory");
        String tmx = fetchLink("export-tmx");
        assertTrue(tmx.contains("<tmx"), tmx);
        String phrase = "交流会" + UUID.randomUUID().toString().substring(0, 6);
        String oneUnit = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><tmx version=\"1.4\"><header creationtool=\"t\""
                + " creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"ja\""
                + " datatype=\"plaintext\"/><body><tu><tuv xml:lang=\"ja\"><seg>パリで" + phrase + "を開いた。</seg></tuv>"
                + "<tuv xml:lang=\"en\"><seg>An exchange meeting was held in Paris.</seg></tuv></tu></body></tmx>";
        upload("tmx-file", "import-tmx", "memory.tmx", oneUnit);
        awaitJobEnd();
        assertTrue(browser.findElements(By.id("error")).isEmpty(), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("imported")).getText().startsWith("1 units added, 0 skipped"),
                browser.findElement(By.id("imported")).getText());
        WebElement bar = browser.findElement(By.cssSelector("progress.job-bar"));
        assertEquals(bar.getAttribute("max"), bar.getAttribute("value"), "a finished job's bar is full");
        press("back");
        browser.findElement(By.id("q")).sendKeys(phrase);
        press("find");
        WebElement match = browser.findElement(By.cssSelector("#matches tr"));
        assertEquals(phrase, match.findElement(By.tagName("mark")).getText());
        assertTrue(match.getText().contains("An exchange meeting was held in Paris."));
        Browser.screenshot(browser, "memory-page");
    }

    /** Waits, without touching the page, until a job's page has reloaded itself to the job's end. */
    private void awaitJobEnd() {
        waitFor(d -> {
            try {
                String state = d.findElement(By.cssSelector(".job-state")).getText();
                return state.equals("Finished") || state.equals("Failed");
            } catch (org.openqa.selenium.WebDriverException reloading) {
                return false;
            }
        }, "the job's page reloaded itself until the job ended");
    }

    @Test
    void anAdministratorRebuildsTheSearchIndexAndWatchesItsBarWhileReadersStillFindThings() throws Exception {
        signIn("admin", Staffing.ADMIN_PASSWORD);
        browser.get(base + "/work");
        press("jobs-link");
        String url = server.getApplicationContext().getProperty("datasources.default.url", String.class).orElseThrow();
        try (java.sql.Connection lock = java.sql.DriverManager.getConnection(url, "root", "");
             java.sql.Statement s = lock.createStatement()) {
            // the rebuild waits at the outbox, its first read, for as long as this lock is held
            s.execute("LOCK TABLES outbox_event WRITE");
            press("rebuild-search");
            assertTrue(browser.getCurrentUrl().contains("/work/jobs/"), browser.getCurrentUrl());
            assertEquals("Running", browser.findElement(By.cssSelector(".job-state")).getText());
            assertEquals(1, browser.findElements(By.cssSelector("progress.job-bar")).size());
            Http.Response meanwhile = http.get("/api/v1/search?q=shirakawa");
            assertEquals(200, meanwhile.status(), "the old index answers during the rebuild");
            assertTrue(((Number) meanwhile.map().get("total")).intValue() > 0);
            Browser.screenshot(browser, "job-running");
        }
        awaitJobEnd();
        assertEquals("Finished", browser.findElement(By.cssSelector(".job-state")).getText());
        assertTrue(browser.findElement(By.id("imported")).getText().endsWith("the new index answers searches now."),
                browser.findElement(By.id("imported")).getText());
        press("back");
        WebElement row = browser.findElement(By.cssSelector("#jobs tbody tr"));
        assertTrue(row.getText().contains("Search index rebuild") && row.getText().contains("Finished"), row.getText());
        Browser.screenshot(browser, "jobs-page");
    }

    @Test
    void staffDiscussAPairInItsThreadWhereMarkupStaysTextAndAddressesBecomeLinks() throws Exception {
        Person editor = new Staffing(http).editor("PAR");
        Person colleague = new Staffing(http).translator("LON");
        long pair = jp.kakehashi.support.Fixtures.bulletin(editor.http(), "PAR", 1, false).pairIds().getFirst();
        signIn(editor);
        browser.get(base + "/work/pairs/" + pair);
        browser.findElement(By.id("comment-body")).sendKeys("@" + colleague.username() + " 確認をお願いします");
        press("comment-send");
        browser.findElement(By.id("comment-body")).sendKeys("<b>姉妹都市</b> は用語集のとおり: https://example.org/terms.");
        press("comment-send");
        assertTrue(browser.getCurrentUrl().endsWith("#comments"), browser.getCurrentUrl());
        WebElement comment = browser.findElements(By.cssSelector(".comment-thread li")).get(1);
        assertTrue(comment.findElements(By.tagName("b")).isEmpty(), "markup stays text");
        assertTrue(comment.getText().contains("<b>姉妹都市</b> は用語集のとおり: https://example.org/terms."), comment.getText());
        WebElement link = comment.findElement(By.cssSelector(".comment-body a"));
        assertEquals("https://example.org/terms", link.getAttribute("href"), "the sentence's full stop is not the link's");
        assertEquals("nofollow noopener noreferrer", link.getAttribute("rel"));
        Browser.screenshot(browser, "pair-comments");
        press(comment.findElement(By.cssSelector("button")).getAttribute("id"));
        assertTrue(browser.findElement(By.cssSelector(".comment-deleted")).getText().startsWith("Deleted by"));
        new Select(browser.findElement(By.id("comment-segment"))).selectByValue("0");
        browser.findElement(By.id("comment-body")).sendKeys("この文の訳語を確認してください");
        press("comment-send");
        WebElement about = browser.findElement(By.cssSelector(".comment-thread li:last-child .comment-segment"));
        assertEquals("on sentence 1", about.getText());
        assertTrue(about.getAttribute("href").endsWith("#segment-1"), "links to the sentence it is about");

        signIn(colleague);
        assertEquals("Notifications (1)", browser.findElement(By.id("inbox-link")).getText());
        press("inbox-link");
        WebElement told = browser.findElement(By.cssSelector("#notifications li.unread"));
        assertTrue(told.getText().startsWith(editor.username() + " mentioned you"), told.getText());
        Browser.screenshot(browser, "notifications");
        press("mark-read");
        assertEquals("Notifications (0)", browser.findElement(By.id("inbox-link")).getText());
        navigate(() -> browser.findElement(By.cssSelector("#notifications li a")).click());
        assertTrue(browser.getCurrentUrl().endsWith("/work/pairs/" + pair), browser.getCurrentUrl());
    }

    @Test
    void aTranslatorChoosesMailForSendBacksInTheSettingsPageAndGetsOne() throws Exception {
        Person editor = new Staffing(http).editor("NYC");
        Person translator = new Staffing(http).translator("NYC");
        long pair = jp.kakehashi.support.Fixtures.bulletin(editor.http(), "NYC", 1, false).pairIds().getFirst();
        signIn(translator);
        press("inbox-link");
        press("notification-settings-link");
        browser.findElement(By.id("email")).sendKeys(translator.username() + "@example.org");
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        new Select(browser.findElement(By.id("kind-REJECTED"))).selectByValue("EMAIL");
        new Select(browser.findElement(By.id("kind-APPROVED"))).selectByValue("DIGEST");
        Browser.screenshot(browser, "notification-settings");
        press("save-settings");
        assertTrue(browser.findElement(By.id("saved")).isDisplayed());
        assertEquals("EMAIL", new Select(browser.findElement(By.id("kind-REJECTED"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("DIGEST", new Select(browser.findElement(By.id("kind-APPROVED"))).getFirstSelectedOption().getAttribute("value"));
        Map<?, ?> api = translator.http().get("/api/v1/notifications/settings").map();
        assertEquals(translator.username() + "@example.org", api.get("email"));

        jp.kakehashi.support.Fixtures.submitted(translator.http(), pair, "NY", "A visit.");
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/reject", Map.of("reason", "Check the date")).status());
        assertTrue(smtp.waitForIncomingEmail(20_000, 1), "the send-back went out by mail");
        var mail = smtp.getReceivedMessages()[0];
        assertEquals(translator.username() + "@example.org", mail.getAllRecipients()[0].toString());
        assertEquals("[Kakehashi] " + editor.username() + " sent your translation back", mail.getSubject());
    }

    @Test
    void anAdminRegistersAWebhookSeesItsDeliveriesAndSendsOneAgain() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("127.0.0.2")) {
            signIn("admin", Staffing.ADMIN_PASSWORD);
            browser.get(base + "/work");
            press("webhooks-link");
            browser.findElement(By.id("url")).sendKeys("http://127.0.0.1:9/internal");
            browser.findElement(By.id("event-pair.approved")).click();
            press("register");
            assertTrue(browser.getCurrentUrl().endsWith("error=ADDRESS_REFUSED"), browser.getCurrentUrl());
            assertTrue(browser.findElement(By.id("error")).isDisplayed());

            browser.findElement(By.id("url")).sendKeys(receiver.base() + "/ok-page");
            browser.findElement(By.id("event-pair.approved")).click();
            press("register");
            String secret = browser.findElement(By.id("secret")).getText();
            assertTrue(secret.matches("[0-9a-f]{64}"), secret);
            assertFalse(browser.getCurrentUrl().contains(secret), "never in a URL");

            Person editor = new Staffing(http).editor("SIN");
            Person translator = new Staffing(http).translator("SIN");
            long pair = jp.kakehashi.support.Fixtures.bulletin(editor.http(), "SIN", 1, false).pairIds().getFirst();
            jp.kakehashi.support.Fixtures.submitted(translator.http(), pair, "SG", "A visit.");
            assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/approve", Map.of()).status());
            Instant deadline = Instant.now().plusSeconds(20);
            while (receiver.to("/ok-page", r -> true).isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertEquals(1, receiver.to("/ok-page", r -> true).size());

            browser.get(base + "/admin/webhooks");
            navigate(() -> browser.findElement(By.cssSelector("#webhooks a")).click());
            while (!browser.findElement(By.cssSelector(".delivery-state")).getText().equals("Delivered")
                    && Instant.now().isBefore(deadline)) {
                browser.navigate().refresh();
            }
            Browser.screenshot(browser, "webhook-deliveries");
            navigate(() -> browser.findElement(By.cssSelector("#deliveries button")).click());
            while (receiver.to("/ok-page", r -> true).size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            List<String> ids = receiver.to("/ok-page", r -> true).stream().map(r -> r.header("X-Kakehashi-Delivery")).toList();
            assertEquals(2, ids.size());
            assertEquals(ids.get(0), ids.get(1), "sent again as it was");
        }
    }

    @Test
    void anEditorCancelsTheTickedItemsOfTheQueueAtOnce() throws Exception {
        Staffing staffing = new Staffing(http);
        Person editor = staffing.editor("SYD");
        List<Long> pairs = jp.kakehashi.support.Fixtures.bulletin(editor.http(), "SYD", 3, false).pairIds();
        signIn(editor);
        browser.get(base + "/work");
        browser.findElement(By.id("select-" + pairs.get(0))).click();
        browser.findElement(By.id("select-" + pairs.get(1))).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bulk-action"))).selectByValue("cancel");
        browser.findElement(By.id("bulk-reason")).sendKeys("the seminar was called off");
        Browser.screenshot(browser, "bulk-selection");
        navigate(() -> {
            browser.findElement(By.id("bulk-submit")).click();
            browser.switchTo().alert().accept();
        });
        assertTrue(browser.findElements(By.id("error")).isEmpty(), browser.getCurrentUrl());
        assertEquals("Cancel: 2 items done.", browser.findElement(By.id("bulk-done")).getText());
        for (long id : List.of(pairs.get(0), pairs.get(1))) {
            assertEquals("CANCELLED", editor.http().get("/api/v1/pairs/" + id).map().get("status"));
        }
        assertEquals("UNASSIGNED", editor.http().get("/api/v1/pairs/" + pairs.get(2)).map().get("status"));

        // one direction only: these Japanese originals are not in the English-to-Japanese list
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("direction-filter"))).selectByValue("en-ja");
        press("filter");
        assertTrue(browser.findElements(By.id("select-" + pairs.get(2))).isEmpty(), browser.getCurrentUrl());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("direction-filter"))).selectByValue("ja-en");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("order"))).selectByValue("LENGTH");
        press("filter");
        assertTrue(browser.getCurrentUrl().contains("direction=ja-en") && browser.getCurrentUrl().contains("order=LENGTH"));
        // the same without a reason is refused as a whole, and the page names the item that refused
        browser.findElement(By.id("select-" + pairs.get(2))).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bulk-action"))).selectByValue("cancel");
        navigate(() -> {
            browser.findElement(By.id("bulk-submit")).click();
            browser.switchTo().alert().accept();
        });
        assertTrue(browser.findElement(By.id("failed-pair")).getText().contains("#" + pairs.get(2)),
                browser.findElement(By.id("error")).getText());
        assertEquals("UNASSIGNED", editor.http().get("/api/v1/pairs/" + pairs.get(2)).map().get("status"));
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

    private long lonPair(Person importer, String body) {
        Http.Response created = importer.http().postJson("/api/v1/bulletins", Map.of("titleJa", "メモリ画面試験 "
                + UUID.randomUUID(), "publishedOn", "2026-11-22", "pairs", List.of(Map.of("office", "LON",
                "sourceLang", "ja", "source", Map.of("title", "八戸市 " + UUID.randomUUID(), "body", body)))));
        assertEquals(201, created.status(), created.body());
        return jp.kakehashi.support.Fixtures.created(created).pairIds().getFirst();
    }

    @Test
    void aTranslatorTranslatesThePhotoCaptionsOnThePairPage() {
        Staffing staffing = new Staffing(http);
        Person translator = staffing.translator("LON");
        Person editor = staffing.editor("LON");
        Http.Response created = editor.http().postJson("/api/v1/bulletins", Map.of("titleJa", "写真説明試験 "
                + UUID.randomUUID(), "publishedOn", "2026-11-22", "pairs", List.of(Map.of("office", "LON",
                "sourceLang", "ja", "source", Map.of("title", "だるま", "body", "市長がロンドンを訪れた。",
                "captions", List.of("写真：白河だるま", "写真：会場"))))));
        long id = jp.kakehashi.support.Fixtures.created(created).pairIds().getFirst();

        signIn(translator);
        browser.get(base + "/work/pairs/" + id);
        press("do-claim");
        assertTrue(browser.findElement(By.cssSelector("label[for=caption-1]")).getText().contains("写真：白河だるま"));
        browser.findElement(By.id("seg-1")).sendKeys("The mayor visited London.");
        browser.findElement(By.id("caption-2")).sendKeys("Photo: the venue");
        press("save");
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) translator.http().get("/api/v1/pairs/" + id).map()
                .get("target");
        assertEquals(List.of("", "Photo: the venue"), target.get("captions"));
        assertEquals("Photo: the venue", browser.findElement(By.id("caption-2")).getAttribute("value"),
                "the page shows the saved caption");
    }

    private String active() {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition, String what) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(what + "; browser log: " + browser.manage().logs().get("browser").getAll(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> target(Person who, long pair) {
        return (Map<String, Object>) who.http().get("/api/v1/pairs/" + pair).map().get("target");
    }

    @Test
    void aTranslatorTranslatesAFlashItemSegmentBySegmentWithTheKeyboardOnly() throws Exception {
        Staffing staffing = new Staffing(http);
        Person translator = staffing.translator("PAR");
        Person editor = staffing.editor("PAR");
        String welcome = "市長が一行を歓迎した" + UUID.randomUUID().toString().substring(0, 4) + "。";
        String welcomed = "The mayor welcomed the group.";
        // the memory learns the second sentence from an approved pair first
        long earlier = parPair(editor, welcome, List.of());
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + earlier + "/claim", Map.of()).status());
        assertEquals(200, translator.http().write("PUT", "/api/v1/pairs/" + earlier + "/target", Map.of("title",
                "Welcome", "body", welcomed), jp.kakehashi.support.Fixtures.etag(translator.http(), earlier)).status());
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + earlier + "/submit", Map.of()).status());
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + earlier + "/approve", Map.of()).status());
        long pair = parPair(editor, "白河市の中学生10人が9月21日にパリを訪れた。" + welcome
                + "\n交流は今年で10年目を迎える。詳しくはこちら。（パリ事務所）", List.of("写真：歓迎会"));

        signIn(translator);
        browser.get(base + "/work/pairs/" + pair);
        press("do-claim");
        for (Instant deadline = Instant.now().plusSeconds(10); browser.findElements(
                By.cssSelector("#segment-2 .seg-matches button.insert")).isEmpty() && Instant.now().isBefore(deadline); ) {
            Thread.sleep(200);
            browser.navigate().refresh();
        }
        assertEquals(5, browser.findElements(By.cssSelector(".segment-grid > li")).size(), "one row per sentence");
        assertTrue(browser.findElement(By.id("segment-3")).getAttribute("class").contains("new-paragraph"));
        assertTrue(browser.findElement(By.cssSelector("#segment-5 .seg-source")).getText().contains("（パリ事務所）"));

        browser.findElement(By.id("title")).sendKeys("Shirakawa pupils visit Paris", Keys.TAB);
        assertEquals("seg-1", active(), "Tab goes from the title to the first segment");
        WebElement first = browser.findElement(By.id("seg-1"));
        first.sendKeys("Students from Shirakawa visited Paris on 21 September.");
        waitFor(d -> !d.findElements(By.cssSelector("#segment-1 .seg-qa li[data-code=NUMBERS]")).isEmpty(),
                "the active segment's check finds the missing 10");
        first.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Ten junior high school students from Shirakawa visited Paris"
                + " on 21 September.");
        waitFor(d -> d.findElements(By.cssSelector("#segment-1 .seg-qa li")).isEmpty(), "the check clears as one types");
        first.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        assertEquals("seg-2", active(), "Ctrl+Enter moves on");
        browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "1"));
        assertEquals(welcomed, browser.findElement(By.id("seg-2")).getAttribute("value"), "Ctrl+1 inserts match 1");
        browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        browser.switchTo().activeElement().sendKeys("The exchange is in its tenth year.", Keys.chord(Keys.CONTROL, Keys.ENTER));
        assertEquals("seg-4", active());
        // the link text is left out: straight on to the attribution
        browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.ARROW_DOWN), "(Paris Office)");
        assertEquals("seg-5", active());
        browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.ARROW_UP));
        assertEquals("seg-4", active(), "Ctrl+Up moves back");
        assertEquals("4", browser.findElement(By.id("rows-done")).getText(), "progress counts translated rows");
        WebElement caption = browser.findElement(By.id("caption-1"));
        caption.sendKeys("Photo: the welcome party");
        waitFor(d -> "Photo: the welcome party".equals(((List<?>) target(translator, pair).get("captions")).isEmpty()
                ? "" : ((List<?>) target(translator, pair).get("captions")).getFirst()), "autosave reached MariaDB");
        Map<String, Object> saved = target(translator, pair);
        assertEquals("Ten junior high school students from Shirakawa visited Paris on 21 September. " + welcomed
                + "\nThe exchange is in its tenth year. (Paris Office)", saved.get("body"));
        assertEquals(List.of("0=0", "1=1", "2=2", "3=", "4=3"), saved.get("links"), "links as the rows were typed");
        Browser.screenshot(browser, "segment-editor");

        // two source sentences translated as one: join the rows, then retype
        browser.findElement(By.id("seg-1")).click();
        browser.findElement(By.cssSelector("#segment-1 .join")).click();
        WebElement joined = browser.findElement(By.id("seg-1"));
        joined.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Ten pupils from Shirakawa visited Paris on 21 September and"
                + " were welcomed by the mayor.", Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitFor(d -> List.of("0+1=0", "2=1", "3=", "4=2").equals(target(translator, pair).get("links")),
                "the join is saved as a 2:1 link");
        browser.navigate().refresh();
        assertEquals(4, browser.findElements(By.cssSelector(".segment-grid > li")).size(), "the merged row stays one");
        assertEquals(2, browser.findElements(By.cssSelector("#segment-1 .sentence")).size());

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.navigate().refresh();
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth + 1;"), "the editor fits a phone");
            Browser.screenshot(browser, "phone-segment-editor");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
        press("do-submit");
        assertEquals("Awaiting review", status(), browser.getCurrentUrl());

        // the editor approves, then corrects a number in the source: only that sentence needs work again
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/approve", Map.of()).status());
        Map<?, ?> source = (Map<?, ?>) editor.http().get("/api/v1/pairs/" + pair).map().get("source");
        assertEquals(200, editor.http().write("PUT", "/api/v1/pairs/" + pair + "/source", Map.of("title",
                source.get("title"), "body", ((String) source.get("body")).replace("10年目", "11年目"),
                "change", "substantive", "reason", "年数の訂正"), jp.kakehashi.support.Fixtures.etag(editor.http(), pair))
                .status());
        browser.navigate().refresh();
        press("do-claim");
        for (Instant deadline = Instant.now().plusSeconds(10); browser.findElements(By.cssSelector("#segment-2.prefilled"))
                .isEmpty() && Instant.now().isBefore(deadline); ) {
            Thread.sleep(200);
            browser.navigate().refresh();
        }
        assertTrue(browser.findElement(By.id("segment-2")).getAttribute("class").contains("changed"));
        assertFalse(browser.findElement(By.id("segment-1")).getAttribute("class").contains("changed"));
        assertTrue(browser.findElement(By.id("seg-1")).getAttribute("value").startsWith("Ten pupils"), "kept");
        WebElement prefilled = browser.findElement(By.id("seg-2"));
        assertEquals("The exchange is in its tenth year.", prefilled.getAttribute("value"), "the memory's fuzzy match");
        Browser.screenshot(browser, "segment-editor-outdated");
        prefilled.sendKeys(Keys.chord(Keys.CONTROL, "a"), "The exchange is in its eleventh year.",
                Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitFor(d -> ((String) target(translator, pair).get("body")).contains("eleventh"), "the revised row is saved");
        assertEquals(2, ((Number) target(translator, pair).get("basedOnSourceRevision")).intValue());
        press("do-submit");
        assertEquals("Awaiting review", status(), browser.getCurrentUrl());
    }

    /** Tab from the focused element until {@code id} has the focus, then Enter, as a keyboard user would. */
    private void tabAndPress(String id) {
        WebElement focused = browser.switchTo().activeElement();
        for (int i = 0; i < 60 && !id.equals(focused.getAttribute("id")); i++) {
            focused.sendKeys(Keys.TAB);
            focused = browser.switchTo().activeElement();
        }
        assertEquals(id, focused.getAttribute("id"), id + " is reachable with Tab");
        WebElement button = focused;
        navigate(() -> button.sendKeys(Keys.ENTER));
    }

    @Test
    void aTranslatorTranslatesAWholeFlashBulletinItemByItemAndRowByRowFromTheKeyboard() {
        Staffing staffing = new Staffing(http);
        List<String> offices = List.of("PAR", "LON", "SIN");
        Person editor = staffing.person("ed", List.of("EDITOR"), offices);
        Person translator = staffing.person("tr", List.of("TRANSLATOR"), offices);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String flash = "海外事務所だより\n2026年12月2日配信\n"
                + "◇白河市の中学生がパリを訪問" + tag + "\n 白河市の中学生10人が11月21日にパリを訪れた。市長が一行を歓迎した。\n"
                + " 交流は今年で10年目を迎える。詳しくはこちら。\n(パリ事務所)\n"
                + "◇ロンドンで日本酒セミナーを開催" + tag + "\n 11月25日、ロンドンで日本酒セミナーを開催し、約80人が参加した。"
                + "参加者は各地の酒を味わった。\n(ロンドン事務所)\n"
                + "◇シンガポールで観光PRを実施" + tag + "\n 12月1日、シンガポールで観光PRイベントを実施した。詳しくはこちら。\n"
                + "(シンガポール事務所)\n";
        Http.Response imported = editor.http().postText("/api/v1/bulletins/import", flash);
        assertEquals(201, imported.status(), imported.body());
        List<Long> pairs = jp.kakehashi.support.Fixtures.created(imported).pairIds();
        assertEquals(3, pairs.size());

        signIn(translator);
        int item = 0;
        for (long pair : pairs) {
            item++;
            browser.get(base + "/work/pairs/" + pair);
            tabAndPress("do-claim");
            assertEquals("Being translated", status());
            browser.findElement(By.id("title")).sendKeys("Item " + item + " " + tag, Keys.TAB);
            List<WebElement> rows = browser.findElements(By.cssSelector(".segment-grid > li"));
            for (int r = 0; r < rows.size(); r++) {
                assertEquals("seg-" + (r + 1), active(), "row " + (r + 1) + " of item " + item);
                String source = rows.get(r).findElement(By.cssSelector(".seg-source")).getText();
                WebElement field = browser.switchTo().activeElement();
                if (source.contains("詳しくはこちら")) {
                    field.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER)); // a link text is left out
                } else if (source.contains("事務所")) {
                    field.sendKeys("(Office of item " + item + ")", Keys.chord(Keys.CONTROL, Keys.ENTER));
                } else {
                    field.sendKeys("Sentence " + (r + 1) + " of item " + item + ".", Keys.chord(Keys.CONTROL, Keys.ENTER));
                }
            }
            String done = browser.findElement(By.id("rows-done")).getText();
            waitFor(d -> target(translator, pair) != null
                    && ((String) target(translator, pair).get("body")).contains("(Office of item"), "autosaved");
            tabAndPress("do-submit");
            assertEquals("Awaiting review", status(), browser.getCurrentUrl() + " after " + done + " rows");
        }
        Map<String, Object> first = target(translator, pairs.getFirst());
        // the item's two indented paragraphs are two paragraphs of the translation
        assertEquals("Sentence 1 of item 1. Sentence 2 of item 1.\nSentence 3 of item 1. (Office of item 1)",
                first.get("body"));
        assertEquals(List.of("0=0", "1=1", "2=2", "3=", "4=3"), first.get("links"));
    }

    private long parPair(Person importer, String body, List<String> captions) {
        Http.Response created = importer.http().postJson("/api/v1/bulletins", Map.of("titleJa", "セグメント試験 "
                + UUID.randomUUID(), "publishedOn", "2026-11-22", "pairs", List.of(Map.of("office", "PAR",
                "sourceLang", "ja", "source", Map.of("title", "白河市 " + UUID.randomUUID(), "body", body,
                        "captions", captions)))));
        assertEquals(201, created.status(), created.body());
        return jp.kakehashi.support.Fixtures.created(created).pairIds().getFirst();
    }

    @Test
    void aTranslatorInsertsAMemorySuggestionAndAnEditorAcknowledgesTheWarningItLeaves() throws Exception {
        Staffing staffing = new Staffing(http);
        Person translator = staffing.translator("LON");
        Person editor = staffing.editor("LON");
        String sentence = "八戸市の中学生" + (10 + new java.util.Random().nextInt(80)) + "人がロンドンの学校を訪れた。";
        String english = "Junior high school students from Hachinohe visited a school in London.";
        long first = lonPair(editor, sentence);
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + first + "/claim", Map.of()).status());
        assertEquals(200, translator.http().write("PUT", "/api/v1/pairs/" + first + "/target", Map.of("title",
                "Hachinohe", "body", english), jp.kakehashi.support.Fixtures.etag(translator.http(), first)).status());
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + first + "/submit", Map.of()).status());
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + first + "/approve", Map.of()).status());
        long second = lonPair(editor, sentence);

        signIn(translator);
        browser.get(base + "/work/pairs/" + second);
        press("do-claim");
        browser.get(base + "/work/pairs/" + second + "?mode=text");
        Instant deadline = Instant.now().plusSeconds(10);
        while (browser.findElements(By.cssSelector("#memory li[data-kind=IN_CONTEXT] button.insert")).isEmpty()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            browser.navigate().refresh();
        }
        WebElement match = browser.findElement(By.cssSelector("#memory li[data-kind=IN_CONTEXT]"));
        assertTrue(match.getText().contains(english), match.getText());
        Browser.screenshot(browser, "pair-memory-suggestions");
        match.findElement(By.cssSelector("button.insert")).click();
        assertEquals(english, browser.findElement(By.id("body")).getAttribute("value"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("autosave-status")).getText().isEmpty());
        browser.navigate().refresh();
        assertEquals(english, browser.findElement(By.id("body")).getAttribute("value"), "the insert was autosaved");

        signIn(editor);
        browser.get(base + "/work/pairs/" + second);
        WebElement warning = browser.findElement(By.cssSelector("#warnings li[data-code=NUMBERS]"));
        // the warning links to the segment whose source has the number the draft lacks
        WebElement where = warning.findElement(By.cssSelector("a.segment-link"));
        assertEquals("#segment-1", where.getDomAttribute("href"));
        assertTrue(browser.findElement(By.id("segment-1")).getText().contains(sentence),
                browser.findElement(By.id("segment-1")).getText());
        warning.findElement(By.name("reason")).sendKeys("The count is in the photo caption <i>anyway</i>");
        navigate(() -> browser.findElement(By.cssSelector("#warnings li[data-code=NUMBERS] form.acknowledge button"))
                .click());
        WebElement acknowledged = browser.findElement(By.cssSelector("#warnings li[data-code=NUMBERS]"));
        assertEquals("true", acknowledged.getAttribute("data-acknowledged"));
        assertTrue(acknowledged.getText().contains("The count is in the photo caption <i>anyway</i>"),
                acknowledged.getText());
        assertTrue(acknowledged.findElements(By.cssSelector("form.acknowledge")).isEmpty());
    }

    @Test
    void anAdminManagesUsersAndFiftyHostileDisplayNamesStayTextAndTheDashboardShowsOffices() throws Exception {
        Staffing staffing = new Staffing(http);
        for (String payload : payloads()) {
            Http.Response r = staffing.admin().postJson("/api/v1/users", Map.of("username", "x" + UUID.randomUUID()
                    .toString().substring(0, 12), "password", Staffing.PASSWORD, "displayName", payload,
                    "roles", List.of("TRANSLATOR"), "offices", List.of("SIN")));
            assertEquals(201, r.status(), r.body());
        }
        signIn("admin", Staffing.ADMIN_PASSWORD);
        navigate(() -> browser.findElement(By.cssSelector("a[href='/admin/users']")).click());
        assertNoScriptRan("/admin/users");
        assertTrue(browser.findElement(By.id("users")).getText().contains("<svg onload="), "names shown as text");
        assertEquals(0, browser.findElements(By.cssSelector("#users img, #users svg, #users script")).size());

        String name = "pg" + UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("new-username")).sendKeys(name);
        browser.findElement(By.id("new-display")).sendKeys("佐藤 <b>花子</b>");
        browser.findElement(By.id("new-password")).sendKeys("a long enough passphrase");
        browser.findElement(By.id("role-EDITOR")).click();
        browser.findElement(By.id("office-SIN")).click();
        press("create-user");
        assertTrue(browser.findElements(By.id("error")).isEmpty(), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("users")).getText().contains("佐藤 <b>花子</b>"));
        navigate(() -> browser.findElement(By.linkText(name)).click());
        browser.findElement(By.id("office-PAR")).click();
        browser.findElement(By.id("role-TRANSLATOR")).click();
        press("update-user");
        assertTrue(browser.findElements(By.id("error")).isEmpty(), browser.getCurrentUrl());
        String table = browser.findElement(By.id("users")).getText();
        assertTrue(table.contains(name + " 佐藤 <b>花子</b> TRANSLATOR, EDITOR PAR, SIN"), table);
        press("deactivate-" + name);
        assertEquals(401, http.postJson("/api/v1/auth/login", Map.of("username", name,
                "password", "a long enough passphrase")).status(), "deactivated from the page");
        Browser.screenshot(browser, "admin-users");

        browser.get(base + "/admin/offices");
        WebElement lease = browser.findElement(By.id("lease-BEJ"));
        lease.clear();
        lease.sendKeys("72");
        press("save-BEJ");
        assertTrue(http.get("/api/v1/offices").body().contains("\"code\":\"BEJ\",\"nameJa\":\"北京\",\"nameEn\":"
                + "\"Beijing\",\"timeZone\":\"Asia/Shanghai\",\"leaseHours\":72"), "office lease saved");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("mode-BEJ"))).selectByValue("ITEM");
        press("save-BEJ");
        assertTrue(http.get("/api/v1/offices").body().contains("\"leaseHours\":72,\"selfApproval\":false,"
                + "\"releaseMode\":\"ITEM\""), "release mode saved");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("mode-BEJ"))).selectByValue("BULLETIN");
        press("save-BEJ");
        Browser.screenshot(browser, "admin-offices");

        // an English-only bulletin in progress: named by its number, dated, counted in words
        long englishOnly = jp.kakehashi.support.Fixtures.created(new Staffing(http).editor("SIN").http().postJson(
                "/api/v1/bulletins", Map.of("titleEn", "Report " + UUID.randomUUID(), "publishedOn", "2026-11-20",
                        "pairs", List.of(Map.of("office", "SIN", "sourceLang", "en", "source",
                                Map.of("title", "Seminar", "body", "A seminar was held.")))))).bulletinId();
        browser.get(base + "/work/dashboard");
        String progress = browser.findElement(By.cssSelector("a[href='/work/bulletins/" + englishOnly + "']"))
                .findElement(By.xpath("..")).getText();
        assertEquals("#" + englishOnly + " · 20 November 2026 · 0 of 1 approved", progress);
        assertEquals(8, browser.findElements(By.cssSelector("#states tbody tr")).size(), "admins see all offices");
        assertFalse(browser.findElement(By.id("office-SIN")).getText().isBlank());
        // charts drawn on the server as SVG, each with its numbers in a table beside it
        assertEquals(16, browser.findElements(By.cssSelector("#chart-states svg text")).size(),
                "a name and a total per office");
        assertFalse(browser.findElements(By.cssSelector("#chart-states svg rect")).isEmpty());
        assertEquals(12, browser.findElements(By.cssSelector("#weeks tbody tr")).size());
        assertEquals(12, browser.findElements(By.cssSelector("#chart-weeks svg rect")).size());
        assertEquals(8, browser.findElements(By.cssSelector("#office-times tbody tr")).size());
        assertEquals(8, browser.findElements(By.cssSelector("#chart-overdue svg rect")).size());
        assertNull(browser.findElement(By.cssSelector("#chart-weeks svg")).getDomAttribute("onload"));
        Browser.screenshot(browser, "dashboard");
    }

    @Test
    void hostileDraftsAndReasonsStayTextOnStaffPagesAndBlockersAreListed() throws Exception {
        Staffing staffing = new Staffing(http);
        Person importer = staffing.editor("NYC");
        Person translator = staffing.translator("NYC");
        Person editor = staffing.editor("NYC");
        List<String> payloads = payloads();
        Http.Response created = importer.http().postJson("/api/v1/bulletins", Map.of("titleJa", payloads.get(2),
                "publishedOn", "2026-11-22", "pairs", List.of(Map.of("office", "NYC", "sourceLang", "ja",
                        "source", Map.of("title", "記事 " + UUID.randomUUID(), "body", "本文"))),
                "number", "x"));
        assertEquals(201, created.status(), created.body());
        long bulletin = ((Number) created.map().get("id")).longValue();
        long pair = jp.kakehashi.support.Fixtures.created(created).pairIds().getFirst();
        String path = "/api/v1/pairs/" + pair;
        assertEquals(200, translator.http().postJson(path + "/claim", Map.of()).status());
        String half = String.join("\n", payloads.subList(0, 25));
        String rest = String.join("\n", payloads.subList(25, payloads.size()));
        assertEquals(200, translator.http().write("PUT", path + "/target", Map.of("title", payloads.get(0),
                "body", half), jp.kakehashi.support.Fixtures.etag(translator.http(), pair)).status());
        assertEquals(200, translator.http().postJson(path + "/submit", Map.of()).status());
        assertEquals(200, editor.http().postJson(path + "/reject", Map.of("reason", half)).status());
        assertEquals(200, translator.http().postJson(path + "/resume", Map.of()).status());
        assertEquals(200, translator.http().write("PUT", path + "/target", Map.of("title", payloads.get(1),
                "body", rest), jp.kakehashi.support.Fixtures.etag(translator.http(), pair)).status());
        assertEquals(200, translator.http().postJson(path + "/submit", Map.of()).status());

        signIn(editor);
        browser.get(base + "/work/pairs/" + pair);
        assertStaffPageInert("/work/pairs/" + pair);
        assertFalse(browser.findElements(By.cssSelector("#draft-diff .op-insert")).isEmpty(), "the draft diff");
        assertFalse(browser.findElements(By.cssSelector("#draft-diff .op-delete")).isEmpty(), "the draft diff");
        assertTrue(browser.findElement(By.cssSelector(".history")).getText().contains("<iframe src="), "the reason");
        // history in words and in the office's time, not codes
        assertEquals("Sent back", browser.findElement(By.cssSelector(".history .action[data-action=reject]")).getText());
        assertFalse(browser.findElement(By.cssSelector(".history")).getText().contains("save_draft"));
        assertTrue(browser.findElement(By.cssSelector(".history time")).getText().matches(".*\\d{2}:\\d{2} \\S+"),
                browser.findElement(By.cssSelector(".history time")).getText());
        Browser.screenshot(browser, "review-with-diff");
        // each draft saved in the history opens what it changed
        List<WebElement> changes = browser.findElements(By.cssSelector(".history a.revision-diff"));
        assertTrue(changes.size() >= 2, "create and the drafts link to their revisions");
        String back = browser.getCurrentUrl();
        navigate(() -> changes.getLast().click());
        assertTrue(browser.getCurrentUrl().contains("/diff/target/"), browser.getCurrentUrl());
        assertFalse(browser.findElements(By.cssSelector("#revision-diff .op-insert")).isEmpty());
        browser.get(back);
        for (String page : List.of("/work", "/work/dashboard", "/work/bulletins/" + bulletin)) {
            browser.get(base + page);
            assertStaffPageInert(page);
        }
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("<svg onload="), "bulletin title as text");
        browser.get(base + "/work/bulletins/" + bulletin);
        navigate(() -> {
            browser.findElement(By.id("release")).click();
            browser.switchTo().alert().accept();
        });
        assertEquals(base + "/work/bulletins/" + bulletin + "?error=RELEASE_BLOCKED", browser.getCurrentUrl());
        assertEquals(1, browser.findElements(By.cssSelector("#pairs tr.blocker")).size());
        Browser.screenshot(browser, "release-blocked");

        // the English title, given on the page (a hostile one), heads the English page
        browser.findElement(By.id("titleEn")).clear();
        browser.findElement(By.id("titleEn")).sendKeys(payloads.get(5));
        press("save-titles");
        assertEquals(base + "/work/bulletins/" + bulletin, browser.getCurrentUrl());
        assertEquals(payloads.get(5).strip(), browser.findElement(By.tagName("h1")).getText());
        assertStaffPageInert("/work/bulletins/" + bulletin);

        // nothing of it approved: the editor takes the import back, with a (hostile) reason
        browser.findElement(By.id("withdraw-reason")).sendKeys(payloads.get(3));
        press("withdraw");
        assertEquals(base + "/work?withdrawn=" + bulletin, browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("withdrawn")).getText().contains("#" + bulletin));
        assertStaffPageInert("/work");
        assertEquals(404, editor.http().get("/api/v1/bulletins/" + bulletin).status());
        assertEquals(404, editor.http().get("/api/v1/pairs/" + pair).status());
    }

    @Test
    void pagesFitAPhoneAndTheWorkflowRunsFromTheKeyboard() throws Exception {
        Staffing staffing = new Staffing(http);
        Person importer = staffing.editor("SYD");
        Person translator = staffing.translator("SYD");
        Http.Response created = importer.http().postJson("/api/v1/bulletins", Map.of("titleJa", "携帯試験",
                "publishedOn", "2026-11-22", "pairs", List.of(Map.of("office", "SYD", "sourceLang", "ja",
                        "source", Map.of("title", "シドニーの記事 " + UUID.randomUUID(), "body", "とても長い本文。".repeat(40))))));
        long pair = jp.kakehashi.support.Fixtures.created(created).pairIds().getFirst();
        signIn(translator);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String page : List.of("/?q=" + java.net.URLEncoder.encode("観光", StandardCharsets.UTF_8), "/work",
                    "/work/dashboard", "/work/pairs/" + pair, "/bulletins/1")) {
                browser.get(base + page);
                Object fits = ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth <= window.innerWidth + 1;");
                assertEquals(Boolean.TRUE, fits, page + " scrolls sideways on a phone");
            }
            Browser.screenshot(browser, "phone-pair");
            browser.get(base + "/work/pairs/" + pair);
            WebElement focused = browser.switchTo().activeElement();
            for (int i = 0; i < 40 && !"do-claim".equals(focused.getAttribute("id")); i++) {
                focused.sendKeys(Keys.TAB);
                focused = browser.switchTo().activeElement();
            }
            assertEquals("do-claim", focused.getAttribute("id"), "the claim button is reachable with Tab");
            WebElement button = focused;
            navigate(() -> button.sendKeys(Keys.ENTER));
            assertEquals("Being translated", status());
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5)).until(d ->
                    d.findElement(By.id("lease")).getText().matches("Claim ends in (47|48):\\d\\d:\\d\\d"));
            browser.findElement(By.id("title")).sendKeys("Autosaved title");
            browser.findElement(By.id("seg-1")).sendKeys("Typed, never submitted by hand.");
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(d ->
                        d.findElement(By.id("autosave-status")).getText().startsWith("Saved"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("autosave status: '" + browser.findElement(By.id("autosave-status")).getText()
                        + "' logs: " + browser.manage().logs().get("browser").getAll(), e);
            }
            Map<?, ?> target = (Map<?, ?>) translator.http().get("/api/v1/pairs/" + pair).map().get("target");
            assertEquals("Typed, never submitted by hand.", target.get("body"), "autosave reached MariaDB");
            browser.findElement(By.id("seg-1")).sendKeys(" More.");
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(d ->
                    "Typed, never submitted by hand. More.".equals(((Map<?, ?>) translator.http()
                            .get("/api/v1/pairs/" + pair).map().get("target")).get("body")));
            navigate(() -> browser.findElement(By.id("do-submit")).click());
            assertEquals("Awaiting review", status(), "the autosaved version is current: no 412");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }

    private void assertStaffPageInert(String page) {
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

    private List<String> payloads() throws IOException {
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

    private void assertNoScriptRan(String page) {
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
