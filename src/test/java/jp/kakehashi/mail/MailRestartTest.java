package jp.kakehashi.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.bench.ServiceProcess;
import jp.kakehashi.support.AddressConfirmation;
import jp.kakehashi.support.Await;
import jp.kakehashi.support.Db;
import jp.kakehashi.support.Fixtures;
import jp.kakehashi.support.SharedMariaDb;
import jp.kakehashi.support.Slow;
import jp.kakehashi.support.StallingProxy;
import jp.kakehashi.support.Staffing;
import jp.kakehashi.support.Staffing.Person;
import org.junit.jupiter.api.Test;

/**
 * The mail outbox through a failing relay and a killed service: the service runs in a JVM of its own
 * and sends to a real SMTP server in this one through a relay that can stall. A stalled relay makes
 * sends fail and be retried; a service killed (SIGKILL) in the middle of a send is restarted, and
 * every message arrives exactly once.
 */
@Slow
class MailRestartTest {
    static final Duration BOUND = Duration.ofSeconds(60);
    static final int MESSAGES = 10;
    /** The send-backs and the mail that asked to confirm the address first. */
    static final int TOTAL = MESSAGES + 1;

    @Test
    void aServiceKilledWhileSendingLosesAndDuplicatesNoMail() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        String url = SharedMariaDb.freshDatabase("t_mail_restart");
        Db db = Db.at(url);
        Path dir = Files.createDirectories(Path.of("target", "test-data", "mail-restart-" + System.nanoTime()));
        Path log = dir.resolve("service.log");
        try (StallingProxy relay = new StallingProxy(smtp.getSmtp().getPort())) {
            List<String> options = List.of("-Dkakehashi.token-secret=a-token-secret-for-the-mail-restart-test-0123",
                    "-Dkakehashi.mail.host=127.0.0.1", "-Dkakehashi.mail.port=" + relay.port(),
                    "-Dkakehashi.mail.starttls=OFF", "-Dkakehashi.mail.timeout=2s",
                    "-Dkakehashi.mail.poll-interval=200ms", "-Dkakehashi.mail.retry-base=1s");
            ServiceProcess first = ServiceProcess.start(dir.resolve("first"), url, "384m", log, null, options);
            try {
                Staffing staffing = new Staffing(first.http());
                Person translator = confirmed(staffing, smtp);
                relay.hold();
                queue(staffing, translator);
                Await.until("a send timed out against the stalled relay and waits for its retry", BOUND,
                        () -> rows(db, "state = 'PENDING' AND attempts >= 1 AND last_error IS NOT NULL") >= 1);

                relay.cut();
                relay.release();
                Await.until("some mail went through", BOUND, () -> smtp.getReceivedMessages().length >= 4);
                relay.hold();
                // caught mid-send: what the server took is recorded as sent, one message is on the wire
                Await.until("the sender is stuck in a send", BOUND, () -> rows(db, "state = 'SENDING'") == 1
                        && rows(db, "state = 'SENT'") == smtp.getReceivedMessages().length);
                ProcessHandle killed = ProcessHandle.of(first.pid()).orElseThrow();
                killed.destroyForcibly();
                killed.onExit().get(30, TimeUnit.SECONDS);
            } finally {
                first.close();
            }
            int beforeRestart = smtp.getReceivedMessages().length;
            assertTrue(beforeRestart < TOTAL, "the kill came before everything was sent: " + beforeRestart);

            relay.cut();
            relay.release();
            try (ServiceProcess again = ServiceProcess.start(dir.resolve("again"), url, "384m", log, null, options)) {
                Await.until("every message sent after the restart", BOUND,
                        () -> rows(db, "state = 'SENT'") == TOTAL);
            }
            List<String> received = new ArrayList<>();
            for (var m : smtp.getReceivedMessages()) {
                received.add(m.getMessageID());
            }
            assertEquals(TOTAL, received.size(), "none lost, none twice: " + received);
            assertEquals(new TreeSet<>(db.strings("SELECT message_id FROM mail_outbox")), new TreeSet<>(received),
                    "each outbox row's own Message-ID");
            assertTrue(rows(db, "attempts >= 2") >= 1, "the interrupted send was taken again");
        } finally {
            smtp.stop();
        }
    }

    /** A translator who chose mail at once and confirmed the address through the link mailed to it. */
    private static Person confirmed(Staffing staffing, GreenMail smtp) throws Exception {
        Person translator = staffing.translator("SEL");
        assertEquals(200, translator.http().write("PUT", "/api/v1/notifications/settings", Map.of("email",
                "translator@example.org", "lang", "en", "choices", Map.of("REJECTED", "EMAIL")), null).status());
        Await.until("the confirmation mail", BOUND, () -> smtp.getReceivedMessages().length == 1);
        String token = AddressConfirmation.link(smtp.getReceivedMessages()[0]).token();
        assertEquals(200, AddressConfirmation.confirm(translator.http(), token).status());
        return translator;
    }

    /** Ten send-backs for {@code translator}. */
    private static void queue(Staffing staffing, Person translator) {
        Person editor = staffing.editor("SEL");
        for (long pair : Fixtures.bulletin(editor.http(), "SEL", MESSAGES, false).pairIds()) {
            Fixtures.submitted(translator.http(), pair, "Seoul", "A visit.");
            assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/reject",
                    Map.of("reason", "Please check " + pair)).status());
        }
    }

    private static long rows(Db db, String where) {
        return db.count("SELECT COUNT(*) FROM mail_outbox WHERE " + where);
    }
}
