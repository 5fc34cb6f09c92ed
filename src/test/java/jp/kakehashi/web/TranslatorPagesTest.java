package jp.kakehashi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.support.AddressConfirmation;
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
 * A translator's desk: segment-by-segment and whole-bulletin translation from the keyboard, photo
 * captions, memory suggestions and the QA warning they leave, XLIFF round trips with glossary and
 * memory exchange, and mail for send-backs chosen in the settings page.
 */
@Slow
@MicronautTest(transactional = false)
class TranslatorPagesTest extends BrowserPages {
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
        assertTrue(browser.findElement(By.id("address-unconfirmed")).isDisplayed());
        Map<?, ?> api = translator.http().get("/api/v1/notifications/settings").map();
        assertEquals(translator.username() + "@example.org", api.get("email"));
        assertEquals(false, api.get("emailConfirmed"));

        // the link mailed to the new address, opened signed in (this service's base URL is the default's)
        assertTrue(smtp.waitForIncomingEmail(20_000, 1), "the address was asked to confirm");
        String token = AddressConfirmation.link(smtp.getReceivedMessages()[0]).token();
        browser.get(base + "/work/settings/notifications?confirm=" + token);
        Browser.screenshot(browser, "confirm-address");
        press("confirm-address");
        assertTrue(browser.findElement(By.id("address-confirmed")).isDisplayed());
        assertEquals(true, translator.http().get("/api/v1/notifications/settings").map().get("emailConfirmed"));

        jp.kakehashi.support.Fixtures.submitted(translator.http(), pair, "NY", "A visit.");
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/reject", Map.of("reason", "Check the date")).status());
        assertTrue(smtp.waitForIncomingEmail(20_000, 2), "the send-back went out by mail");
        var mail = smtp.getReceivedMessages()[1];
        assertEquals(translator.username() + "@example.org", mail.getAllRecipients()[0].toString());
        assertEquals("[Kakehashi] " + editor.username() + " sent your translation back", mail.getSubject());
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
}
