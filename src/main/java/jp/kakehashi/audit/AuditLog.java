package jp.kakehashi.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per security-relevant event, on the logger {@code kakehashi.audit} (send it to its
 * own file or index with logback): sign-ins that succeed or fail, accounts created, changed or
 * deactivated, bulletins imported, released and retracted, the memory exported or imported. The
 * audit table holds the workflow's history; this is what an operator greps or alerts on, with the
 * request id of the log pattern beside it. Values are the caller's words: the log pattern already
 * turns control characters into spaces, so a name cannot start a forged line.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger("kakehashi.audit");

    private AuditLog() {
    }

    /** {@code event} a fixed name (sign_in, sign_in_failed, …); {@code actor} who; {@code subject} on what. */
    public static void event(String event, String actor, String subject) {
        LOG.info("event={} actor={} subject={}", event, quoted(actor), quoted(subject));
    }

    private static String quoted(String value) {
        return value == null ? "-" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
