package jp.kakehashi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.support.Browser;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import jp.kakehashi.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Administration pages: users (with fifty hostile display names) and the offices' dashboard,
 * webhooks and their deliveries, and a search-index rebuild watched while readers still find things.
 */
@Slow
@MicronautTest(transactional = false)
class AdminPagesTest extends BrowserPages {
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
}
