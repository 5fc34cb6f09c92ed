package jp.kakehashi.notification;

import static jp.kakehashi.support.Problem.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.kakehashi.support.AddressConfirmation;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.Http;
import jp.kakehashi.support.ServiceTest;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications by mail, through a real SMTP server in this JVM (GreenMail): at once or in the daily
 * digest as each person chose, in their language, and the reminders the sweep writes once.
 */
@MicronautTest(transactional = false)
class NotificationMailTest extends ServiceTest {
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Digests digests;
    @Inject
    Reminders reminders;
    Staffing staffing;
    Person editor;

    @Override
    protected Map<String, String> extraProperties() {
        SMTP.start();
        return Map.of("kakehashi.mail.host", "127.0.0.1", "kakehashi.mail.port", Integer.toString(SMTP.getSmtp().getPort()),
                "kakehashi.mail.starttls", "OFF", "kakehashi.mail.poll-interval", "200ms",
                "kakehashi.base-url", "https://kakehashi.example/", "kakehashi.mail.from", "kakehashi@example.org",
                "kakehashi.notifications.sweep-interval", "1h");
    }

    @BeforeAll
    void setUp() {
        staffing = new Staffing(new Http(server, json));
        editor = staffing.editor("SEL");
    }

    @AfterAll
    void stopSmtp() {
        SMTP.stop();
    }

    private static Http.Response choose(Person p, String email, String lang, Map<String, String> choices) {
        return p.http().write("PUT", "/api/v1/notifications/settings",
                Map.of("email", email, "lang", lang, "choices", choices), null);
    }

    /** Chooses with a new address and confirms it through the link mailed to it, as its owner would. */
    private static Http.Response chooseConfirmed(Person p, String email, String lang, Map<String, String> choices)
            throws Exception {
        Http.Response set = choose(p, email, lang, choices);
        assertEquals(200, set.status(), set.body());
        assertEquals(200, confirm(p, token(confirmations(email, 1).getLast())).status());
        return set;
    }

    private static Http.Response confirm(Person p, String token) {
        return AddressConfirmation.confirm(p.http(), token);
    }

    /** The token of a confirmation mail's link, which leads to this service's configured address. */
    private static String token(MimeMessage m) throws Exception {
        AddressConfirmation.Link link = AddressConfirmation.link(m);
        assertEquals("https://kakehashi.example", link.base());
        return link.token();
    }

    /** The confirmation mail that reached {@code to}, waiting until {@code n} have. */
    private static List<MimeMessage> confirmations(String to, int n) throws Exception {
        return received(to, n, true);
    }

    private long submitted(Person translator) {
        long pair = Fixtures.bulletin(editor.http(), "SEL", 1, false).pairIds().getFirst();
        Fixtures.submitted(translator.http(), pair, "Seoul", "Staff of Shirakawa City visited Seoul.");
        return pair;
    }

    /** The notification mail (not confirmations) that reached {@code to}, waiting (on the condition) until {@code n} have. */
    private static List<MimeMessage> mailTo(String to, int n) throws Exception {
        return received(to, n, false);
    }

    private static List<MimeMessage> received(String to, int n, boolean confirmations) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<MimeMessage> got = List.of();
        while (System.nanoTime() < deadline) {
            got = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(to) && AddressConfirmation.isOne(m) == confirmations;
                } catch (Exception e) {
                    return false;
                }
            }).toList();
            if (got.size() >= n) {
                return got;
            }
            SMTP.waitForIncomingEmail(200, SMTP.getReceivedMessages().length + 1);
        }
        return got;
    }

    @Test
    void aSendBackChosenByMailArrivesAtOnceInThePersonsLanguage() throws Exception {
        Person translator = staffing.translator("SEL");
        String to = translator.username() + "@example.org";
        Http.Response set = chooseConfirmed(translator, to, "ja", Map.of("REJECTED", "EMAIL"));
        assertEquals("EMAIL", ((Map<?, ?>) set.map().get("choices")).get("REJECTED"));
        assertEquals("PAGE", ((Map<?, ?>) set.map().get("choices")).get("APPROVED"), "unchosen kinds stay in the pages");
        long pair = submitted(translator);
        String reason = "日付を確認してください。\n<script>alert(1)</script>";
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/reject", Map.of("reason", reason)).status());

        MimeMessage m = mailTo(to, 1).getFirst();
        assertEquals("[架け橋] " + editor.username() + "さんが訳文を差し戻しました", m.getSubject());
        String body = ((String) m.getContent()).replace("\r\n", "\n");
        assertTrue(body.contains("> 日付を確認してください。\n> <script>alert(1)</script>"), body);
        assertTrue(body.contains("開く: https://kakehashi.example/work/pairs/" + pair), body);
        assertTrue(body.contains("https://kakehashi.example/work/settings/notifications"), body);
        assertTrue(m.getContentType().toLowerCase().contains("charset=utf-8"), m.getContentType());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted")[0]);
        assertTrue(m.getMessageID().endsWith("@example.org>"), m.getMessageID());
        assertEquals("REJECTED", items(translator).getFirst().get("kind"), "the inbox has it too");

        assertEquals(200, choose(translator, to, "en", Map.of("APPROVED", "EMAIL")).status());
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + pair + "/resume", Map.of()).status());
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + pair + "/submit", Map.of()).status());
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/approve", Map.of()).status());
        MimeMessage approved = mailTo(to, 2).get(1);
        assertEquals("[Kakehashi] " + editor.username() + " approved your translation", approved.getSubject());
    }

    @Test
    void anAddressGetsNotificationsOnlyOnceItsOwnerConfirmedItThroughTheMailedLink() throws Exception {
        Person translator = staffing.translator("SEL");
        Person other = staffing.translator("SEL");
        String to = translator.username() + "@example.org";
        Http.Response set = choose(translator, to, "en", Map.of("REJECTED", "EMAIL"));
        assertEquals(200, set.status(), set.body());
        assertEquals(false, set.map().get("emailConfirmed"));
        MimeMessage asked = confirmations(to, 1).getFirst();
        assertEquals("[Kakehashi] Confirm your e-mail address", asked.getSubject());
        String token = token(asked);
        assertTrue(((String) asked.getContent()).contains("48 hours"), (String) asked.getContent());

        long first = submitted(translator);
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + first + "/reject", Map.of("reason", "one")).status());
        assertEquals("REJECTED", items(translator).getFirst().get("kind"), "in the inbox meanwhile");
        chooseConfirmed(other, other.username() + "@example.org", "en", Map.of("REJECTED", "EMAIL"));
        long later = submitted(other);
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + later + "/reject", Map.of("reason", "two")).status());
        assertEquals(1, mailTo(other.username() + "@example.org", 1).size());
        // the outbox goes in id order: the later mail arrived, so an earlier one would have
        assertEquals(0, mailTo(to, 0).size(), "no notification to an address not confirmed");

        assertProblem(confirm(other, token), "someone else's link");
        assertProblem(confirm(translator, token.substring(1) + "A"), "another token");
        Http.Response confirmed = confirm(translator, token);
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(true, confirmed.map().get("emailConfirmed"));
        assertProblem(confirm(translator, token), "a link used already");
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + first + "/resume", Map.of()).status());
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + first + "/submit", Map.of()).status());
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + first + "/reject", Map.of("reason", "three")).status());
        assertTrue(((String) mailTo(to, 1).getFirst().getContent()).contains("three"));

        String moved = "moved-" + to;
        Http.Response changed = choose(translator, moved, "ja", Map.of());
        assertEquals(false, changed.map().get("emailConfirmed"), "a changed address is confirmed anew");
        assertEquals("[架け橋] メールアドレスの確認", confirmations(moved, 1).getFirst().getSubject());
        assertEquals(200, choose(translator, moved, "ja", Map.of()).status());
        long last = submitted(other);
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + last + "/reject", Map.of("reason", "four")).status());
        assertEquals(2, mailTo(other.username() + "@example.org", 2).size());
        assertEquals(1, confirmations(moved, 1).size(), "saved again at once: no second link (a later mail arrived)");
    }

    private static void assertProblem(Http.Response r, String what) {
        assertEquals(422, r.status(), what + ": " + r.body());
        assertEquals("CONFIRMATION_INVALID", r.map().get("code"), what);
    }

    @Test
    void aDeactivatedAccountIsToldNothing() throws Exception {
        Person leaving = staffing.translator("SEL");
        Person staying = staffing.translator("SEL");
        for (Person p : List.of(leaving, staying)) {
            chooseConfirmed(p, p.username() + "@example.org", "en", Map.of("REJECTED", "EMAIL"));
        }
        long first = submitted(leaving);
        long second = submitted(staying);
        assertEquals(200, staffing.admin().postJson("/api/v1/users/" + leaving.id() + "/deactivate", Map.of()).status());
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + first + "/reject", Map.of("reason", "a")).status());
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + second + "/reject", Map.of("reason", "b")).status());
        assertEquals(1, mailTo(staying.username() + "@example.org", 1).size());
        // the outbox goes in id order: the later mail arrived, so an earlier one would have
        assertEquals(0, mailTo(leaving.username() + "@example.org", 0).size(), "no mail to a deactivated account");
    }

    @Test
    void aKindChosenNoneTellsNothingAndMailChoicesNeedAnAddress() {
        Person translator = staffing.translator("SEL");
        assertEquals(200, choose(translator, "", "ja", Map.of("APPROVED", "NONE")).status());
        long pair = submitted(translator);
        assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/approve", Map.of()).status());
        assertEquals(List.of(), items(translator), "NONE: not even in the pages");

        assertInvalidParameter(choose(translator, "", "ja", Map.of("REJECTED", "EMAIL")), "email");
        assertInvalidParameter(choose(translator, "not an address", "ja", Map.of()), "email");
        assertInvalidParameter(choose(translator, "a@example.org\r\nBcc: b@example.org", "ja", Map.of()), "email");
        assertInvalidParameter(choose(translator, "a@example.org", "fr", Map.of()), "lang");
        Http.Response unknown = translator.http().write("PUT", "/api/v1/notifications/settings",
                Map.of("choices", Map.of("REJECTED", "PIGEON")), null);
        assertEquals(400, unknown.status(), unknown.body());
    }

    @Test
    void theDigestGoesOutAtNineInTheOfficesZoneOnceADay() throws Exception {
        Person translator = staffing.translator("SEL");
        String to = translator.username() + "@example.org";
        chooseConfirmed(translator, to, "en", Map.of("REJECTED", "DIGEST"));
        for (int i = 0; i < 2; i++) {
            long pair = submitted(translator);
            assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/reject",
                    Map.of("reason", "reason " + i)).status());
        }
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        ZonedDateTime tomorrow = ZonedDateTime.now(seoul).plusDays(1);
        Instant before = tomorrow.withHour(8).withMinute(59).toInstant();
        Instant nine = tomorrow.withHour(9).withMinute(0).toInstant();
        digests.run(before);
        assertEquals(0, mailTo(to, 0).size(), "not before 09:00 in Seoul");
        assertTrue(digests.run(nine) >= 1);
        assertEquals(0, digests.run(nine.plus(Duration.ofMinutes(30))), "once a day");
        MimeMessage digest = mailTo(to, 1).getFirst();
        assertEquals("[Kakehashi] 2 notifications since your last digest", digest.getSubject());
        String body = (String) digest.getContent();
        assertTrue(body.contains("reason 0") && body.contains("reason 1"), body);
        assertEquals(1, mailTo(to, 1).size());
    }

    @Test
    void aClaimEndingAndAReviewWaitingAreRemindedOnce() {
        Person translator = staffing.translator("SEL");
        Person reviewer = staffing.editor("SEL");
        long claimed = Fixtures.bulletin(editor.http(), "SEL", 1, false).pairIds().getFirst();
        assertEquals(200, translator.http().postJson("/api/v1/pairs/" + claimed + "/claim", Map.of()).status());
        long waiting = submitted(staffing.translator("SEL"));
        Instant now = Instant.now();
        reminders.run(now.plus(Duration.ofHours(12)));
        assertTrue(items(translator).stream().noneMatch(n -> "CLAIM_ENDING".equals(n.get("kind"))),
                "36 of a 48-hour claim's hours left: too early");
        // 18 hours left of 48, and the submission 30 hours old
        reminders.run(now.plus(Duration.ofHours(30)));
        reminders.run(now.plus(Duration.ofHours(31)));
        List<Map<String, Object>> told = items(translator).stream().filter(n -> "CLAIM_ENDING".equals(n.get("kind"))).toList();
        assertEquals(1, told.size(), told.toString());
        assertEquals("/work/pairs/" + claimed, told.getFirst().get("link"));
        List<Map<String, Object>> reviews = items(reviewer).stream()
                .filter(n -> "REVIEW_WAITING".equals(n.get("kind")) && ("/work/pairs/" + waiting).equals(n.get("link"))).toList();
        assertEquals(1, reviews.size(), "each editor of the office once: " + reviews);
    }

    @Test
    void aReleasedBulletinIsToldToItsOfficesPeopleButNotTheReleaser() {
        Person sydney = staffing.translator("SYD");
        Person seoul = staffing.translator("SEL");
        long bulletin = Fixtures.bulletin(editor.http(), "SEL", 2, false).bulletinId();
        Http.Response out = editor.http().postJson("/api/v1/bulletins/" + bulletin + "/release-source", Map.of());
        assertEquals(200, out.status(), out.body());
        assertEquals(List.of("/work/bulletins/" + bulletin), items(seoul).stream()
                .filter(n -> "RELEASED".equals(n.get("kind"))).map(n -> n.get("link")).toList());
        assertTrue(items(sydney).stream().noneMatch(n -> "RELEASED".equals(n.get("kind"))), "another office's");
        assertTrue(items(editor).stream().noneMatch(n -> "RELEASED".equals(n.get("kind"))), "the releaser");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Person p) {
        Http.Response inbox = p.http().get("/api/v1/notifications?limit=100");
        assertEquals(200, inbox.status(), inbox.body());
        return (List<Map<String, Object>>) inbox.map().get("items");
    }
}
