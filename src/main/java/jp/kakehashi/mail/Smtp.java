package jp.kakehashi.mail;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;

/** Jakarta Mail (Eclipse Angus) over SMTP, with the timeouts and STARTTLS policy of {@link MailSettings}. */
@Singleton
class Smtp {
    private final MailSettings settings;

    Smtp(MailSettings settings) {
        this.settings = settings;
    }

    /** A connection for a run of messages; close it when the run is done. */
    Transport connect() throws MessagingException {
        Transport t = session().getTransport("smtp");
        t.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
        return t;
    }

    void send(Transport t, OutgoingMail m) throws MessagingException {
        MimeMessage msg = new FixedIdMessage(session(), m.messageId());
        try {
            msg.setFrom(new InternetAddress(settings.getFrom(), "Kakehashi 架け橋", "UTF-8"));
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress(m.recipient(), true));
        msg.setSubject(m.subject(), "UTF-8");
        msg.setText(m.body(), "UTF-8");
        msg.setSentDate(new Date());
        // RFC 3834: no vacation replies or bounces-as-replies to a machine's message
        msg.setHeader("Auto-Submitted", "auto-generated");
        msg.saveChanges();
        t.sendMessage(msg, msg.getAllRecipients());
    }

    private Session session() {
        String timeout = Long.toString(settings.getTimeout().toMillis());
        Properties p = new Properties();
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.auth", Boolean.toString(settings.getUsername() != null));
        p.put("mail.smtp.starttls.enable", Boolean.toString(settings.getStarttls() != MailSettings.StartTls.OFF));
        p.put("mail.smtp.starttls.required", Boolean.toString(settings.getStarttls() == MailSettings.StartTls.REQUIRED));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        if (settings.getTrust() != null && !settings.getTrust().isBlank()) {
            p.put("mail.smtp.ssl.trust", settings.getTrust());
        }
        return Session.getInstance(p);
    }

    /** Keeps the outbox row's Message-ID, which Jakarta Mail would replace with a new one on every attempt. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
