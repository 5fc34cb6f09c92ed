package jp.kakehashi.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import jp.kakehashi.bench.ServiceProcess;
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
    static final int MESSAGES = 10;

    @Test
    void aServiceKilledWhileSendingLosesAndDuplicatesNoMail() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        String url = SharedMariaDb.freshDatabase("t_mail_restart");
        Path dir = Files.createDirectories(Path.of("target", "test-data", "mail-restart-" + System.nanoTime()));
        Path log = dir.resolve("service.log");
        try (StallingProxy relay = new StallingProxy(smtp.getSmtp().getPort())) {
            List<String> options = List.of("-Dkakehashi.token-secret=a-token-secret-for-the-mail-restart-test-0123",
                    "-Dkakehashi.mail.host=127.0.0.1", "-Dkakehashi.mail.port=" + relay.port(),
                    "-Dkakehashi.mail.starttls=OFF", "-Dkakehashi.mail.timeout=2s",
                    "-Dkakehashi.mail.poll-interval=200ms", "-Dkakehashi.mail.retry-base=1s");
            relay.hold();
            ServiceProcess first = ServiceProcess.start(dir.resolve("first"), url, "384m", log, null, options);
            try {
                queue(new Staffing(first.http()));
                await("a send timed out against the stalled relay and waits for its retry",
                        () -> count(url, "state = 'PENDING' AND attempts >= 1 AND last_error IS NOT NULL") >= 1);

                relay.cut();
                relay.release();
                await("some mail went through", () -> smtp.getReceivedMessages().length >= 3);
                relay.hold();
                // caught mid-send: what the server took is recorded as sent, one message is on the wire
                await("the sender is stuck in a send", () -> count(url, "state = 'SENDING'") == 1
                        && count(url, "state = 'SENT'") == smtp.getReceivedMessages().length);
                ProcessHandle killed = ProcessHandle.of(first.pid()).orElseThrow();
                killed.destroyForcibly();
                killed.onExit().get(30, TimeUnit.SECONDS);
            } finally {
                first.close();
            }
            int beforeRestart = smtp.getReceivedMessages().length;
            assertTrue(beforeRestart < MESSAGES, "the kill came before everything was sent: " + beforeRestart);

            relay.cut();
            relay.release();
            try (ServiceProcess again = ServiceProcess.start(dir.resolve("again"), url, "384m", log, null, options)) {
                await("every message sent after the restart", () -> count(url, "state = 'SENT'") == MESSAGES);
            }
            List<String> received = new ArrayList<>();
            for (var m : smtp.getReceivedMessages()) {
                received.add(m.getMessageID());
            }
            assertEquals(MESSAGES, received.size(), "none lost, none twice: " + received);
            assertEquals(new TreeSet<>(ids(url)), new TreeSet<>(received), "each outbox row's own Message-ID");
            assertTrue(count(url, "attempts >= 2") >= 1, "the interrupted send was taken again");
        } finally {
            smtp.stop();
        }
    }

    /** Ten send-backs for a translator who chose mail at once. */
    private static void queue(Staffing staffing) {
        Person editor = staffing.editor("SEL");
        Person translator = staffing.translator("SEL");
        assertEquals(200, translator.http().write("PUT", "/api/v1/notifications/settings", Map.of("email",
                "translator@example.org", "lang", "en", "choices", Map.of("REJECTED", "EMAIL")), null).status());
        for (long pair : Fixtures.bulletin(editor.http(), "SEL", MESSAGES, false).pairIds()) {
            assertEquals(200, translator.http().postJson("/api/v1/pairs/" + pair + "/claim", Map.of()).status());
            assertEquals(200, translator.http().write("PUT", "/api/v1/pairs/" + pair + "/target",
                    Map.of("title", "Seoul", "body", "A visit."), Fixtures.etag(translator.http(), pair)).status());
            assertEquals(200, translator.http().postJson("/api/v1/pairs/" + pair + "/submit", Map.of()).status());
            assertEquals(200, editor.http().postJson("/api/v1/pairs/" + pair + "/reject",
                    Map.of("reason", "Please check " + pair)).status());
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 60 s for: " + what);
            Thread.sleep(50);
        }
    }

    private static long count(String url, String where) {
        try (Connection c = DriverManager.getConnection(url, "root", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM mail_outbox WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "root", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT message_id FROM mail_outbox")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
