package jp.kakehashi.mail;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.system.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the mail outbox. A row is taken in a transaction of its own (SENDING with a lease, so
 * several instances share the queue), sent, then marked SENT. A failure puts it back with a later
 * attempt (backoff from 1 minute to 8 hours), an address the server refuses ends it FAILED. A row left SENDING
 * past its lease (its instance died) is due again: it was either not sent, or sent in the moment
 * between the server's acceptance and our commit, in which case it goes again with the same
 * Message-ID, which mail clients show once.
 */
@Singleton
class MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private final MailRepository rows;
    private final MailSettings settings;
    private final Smtp smtp;
    private final TransactionOperations<Connection> tx;

    MailSender(MailRepository rows, MailSettings settings, Smtp smtp, TransactionOperations<Connection> tx) {
        this.rows = rows;
        this.settings = settings;
        this.smtp = smtp;
        this.tx = tx;
    }

    @Scheduled(fixedDelay = "${kakehashi.mail.poll-interval:2s}", initialDelay = "${kakehashi.mail.poll-interval:2s}")
    void poll() {
        if (!settings.enabled()) {
            return;
        }
        try {
            send();
        } catch (RuntimeException e) {
            // the next poll tries again; a database outage must not end the schedule
            LOG.warn("Mail outbox: {}", e.toString());
        }
    }

    /** Sends what is due, over one connection; the number of messages the server accepted. */
    int send() {
        // an idle poll is this one read on a connection, not a write transaction every two seconds
        if (!rows.work(Instant.now())) {
            return 0;
        }
        Optional<OutgoingMail> next = take();
        if (next.isEmpty()) {
            return 0;
        }
        int sent = 0;
        try (Transport t = smtp.connect()) {
            while (next.isPresent()) {
                OutgoingMail m = next.get();
                try {
                    smtp.send(t, m);
                    tx.executeWrite(s -> {
                        rows.sent(m.id(), Instant.now());
                        return null;
                    });
                    sent++;
                } catch (SendFailedException refused) {
                    // an address the server refuses for good (5xx) will not be accepted later either
                    failed(m, refused, refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0);
                }
                next = take();
            }
        } catch (MessagingException e) {
            next.ifPresent(m -> failed(m, e, false));
        }
        return sent;
    }

    private Optional<OutgoingMail> take() {
        return tx.executeWrite(s -> {
            Instant now = Instant.now();
            int interrupted = rows.recover(now);
            if (interrupted > 0) {
                LOG.info("{} mail(s) whose sending was interrupted are due again", interrupted);
            }
            List<OutgoingMail> due = rows.due(now, 1);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            // a lease of two timeouts: one send's connect or read cannot outlast it
            rows.take(List.of(due.getFirst().id()), now.plus(settings.getTimeout().multipliedBy(2)));
            return Optional.of(due.getFirst());
        });
    }

    private void failed(OutgoingMail m, MessagingException e, boolean refused) {
        int attempts = m.attempts() + 1;
        boolean last = refused || attempts >= settings.getMaxAttempts();
        Duration wait = Backoff.after(attempts, settings.getRetryBase());
        String error = String.valueOf(e.getMessage()).strip();
        tx.executeWrite(s -> {
            rows.failed(m.id(), (last ? OutgoingMail.State.FAILED : OutgoingMail.State.PENDING).name(),
                    Instant.now().plus(wait), error.length() > 500 ? error.substring(0, 500) : error);
            return null;
        });
        LOG.warn("Mail {} to user {} {} after attempt {}: {}", m.id(), m.userId(), last ? "failed" : "will be retried",
                attempts, error);
    }
}
