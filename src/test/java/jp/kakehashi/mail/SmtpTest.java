package jp.kakehashi.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import jp.kakehashi.support.StartTlsFront;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SMTP client against a real server (GreenMail, which offers no STARTTLS, and a front that adds
 * it): the STARTTLS policy holds, and what goes out is the outbox row as it was queued.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpTest {
    final GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @BeforeAll
    void start() {
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private MailSettings settings(MailSettings.StartTls tls) {
        MailSettings s = new MailSettings();
        s.setHost("127.0.0.1");
        s.setPort(server.getSmtp().getPort());
        s.setStarttls(tls);
        s.setFrom("kakehashi@example.org");
        return s;
    }

    private static OutgoingMail mail(String subject) {
        return new OutgoingMail(1L, 1, "translator@example.org", subject, "本文\n二行目", "<fixed-1@example.org>",
                OutgoingMail.State.SENDING, 0, Instant.now(), null, null, Instant.now(), null, 0L);
    }

    @Test
    void aServerWithoutStartTlsIsRefusedWhenStartTlsIsRequired() {
        int before = server.getReceivedMessages().length;
        MessagingException refused = assertThrows(MessagingException.class,
                () -> new Smtp(settings(MailSettings.StartTls.REQUIRED)).connect().close());
        assertTrue(refused.getMessage().contains("STARTTLS"), refused.getMessage());
        assertEquals(before, server.getReceivedMessages().length, "nothing went out in plain text");
    }

    @Test
    void theOutboxRowsMessageIdSubjectAndUtf8BodyGoOutAsTheyAre() throws Exception {
        Smtp smtp = new Smtp(settings(MailSettings.StartTls.OPTIONAL));
        try (Transport t = smtp.connect()) {
            smtp.send(t, mail("[架け橋] 𠮷田さんが訳文を承認しました"));
        }
        MimeMessage got = server.getReceivedMessages()[server.getReceivedMessages().length - 1];
        assertEquals("<fixed-1@example.org>", got.getMessageID());
        assertEquals("[架け橋] 𠮷田さんが訳文を承認しました", got.getSubject());
        assertEquals("本文\n二行目", ((String) got.getContent()).strip().replace("\r\n", "\n"));
        assertTrue(got.getFrom()[0].toString().contains("kakehashi@example.org"));
    }

    @Test
    void aRelayOfferingStartTlsGetsTheMailOverTls() throws Exception {
        try (StartTlsFront front = new StartTlsFront(server.getSmtp().getPort())) {
            MailSettings s = settings(MailSettings.StartTls.REQUIRED);
            s.setPort(front.port());
            s.setTrust("127.0.0.1");
            Smtp smtp = new Smtp(s);
            int before = server.getReceivedMessages().length;
            try (Transport t = smtp.connect()) {
                smtp.send(t, mail("over TLS"));
            }
            assertEquals(1, front.upgraded.get(), "the session was upgraded before anything was sent");
            assertEquals(before + 1, server.getReceivedMessages().length);

            s.setTrust(null);
            MessagingException untrusted = assertThrows(MessagingException.class, () -> new Smtp(s).connect().close());
            assertTrue(String.valueOf(untrusted.getCause()).contains("SSL") || untrusted.getMessage().contains("STARTTLS"),
                    "a certificate nobody vouches for is refused: " + untrusted);
        }
    }

    @Test
    void aSubjectCannotCarryAHeaderOfItsOwn() {
        assertEquals("Title Bcc: x@example.org", MailQueue.subjectLine("Title\r\nBcc: x@example.org"));
        assertEquals("あ".repeat(MailQueue.SUBJECT - 1) + "…", MailQueue.subjectLine("あ".repeat(500)));
    }
}
