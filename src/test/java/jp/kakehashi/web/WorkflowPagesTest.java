package jp.kakehashi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The translate → review → release loop in the pages: drafting, sending back, approving and
 * releasing (whole bulletins and originals first), importing a pasted web page, cancelling from the
 * queue, hostile drafts and reasons kept as text, a pair's discussion thread, and the loop on a
 * phone's width from the keyboard.
 */
@Slow
@MicronautTest(transactional = false)
class WorkflowPagesTest extends BrowserPages {
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
}
