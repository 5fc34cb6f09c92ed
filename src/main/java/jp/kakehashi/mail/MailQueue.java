package jp.kakehashi.mail;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;
import jp.kakehashi.system.FieldLimits;

/**
 * Queues a message in the mail outbox, inside the transaction of what it tells of: a change that
 * rolls back sends nothing, and a committed one is sent even if the service stops right after.
 */
@Singleton
public class MailQueue {
    /** Subject lines are clipped to this many code points (the column holds 400). */
    static final int SUBJECT = 200;
    private final MailRepository rows;
    private final MailSettings settings;

    MailQueue(MailRepository rows, MailSettings settings) {
        this.rows = rows;
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void enqueue(long userId, String recipient, String subject, String body) {
        Instant now = Instant.now();
        rows.save(new OutgoingMail(null, userId, recipient, subjectLine(subject), body,
                "<" + UUID.randomUUID() + "@" + domain(settings.getFrom()) + ">", OutgoingMail.State.PENDING, 0, now,
                null, null, now, null, null));
    }

    /** One line: a title with a line break in it must not start a header of its own. */
    static String subjectLine(String subject) {
        return FieldLimits.clip(subject.replaceAll("[\\r\\n\\t\\u0085\\u2028\\u2029]+", " ").strip(), SUBJECT);
    }

    private static String domain(String from) {
        int at = from.lastIndexOf('@');
        String d = at < 0 ? "localhost" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return d.isEmpty() ? "localhost" : d;
    }
}
