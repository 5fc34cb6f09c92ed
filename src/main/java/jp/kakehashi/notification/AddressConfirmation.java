package jp.kakehashi.notification;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import jp.kakehashi.mail.MailQueue;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.Hashes;
import jp.kakehashi.system.RandomTokens;

/**
 * An address receives notification mail, which quotes unreleased text, only once its owner showed
 * they read mail there: a new or changed address is sent a link, and the link confirms it only when
 * opened by the same person, signed in, with a press. So a mistyped address never gets more than
 * that one mail: the stranger behind it cannot sign in as its owner, and a mail scanner that follows
 * links confirms nothing (the page asks for the press). The token is kept as its SHA-256 only.
 */
@Singleton
class AddressConfirmation {
    /** How long a link confirms. */
    static final Duration VALID = Duration.ofHours(48);
    /** Saving an unconfirmed address again sends a new link, but not more often than this. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(10);
    private final MailQueue mail;
    private final MailTemplates templates;

    AddressConfirmation(MailQueue mail, MailTemplates templates) {
        this.mail = mail;
        this.templates = templates;
    }

    /**
     * The setting to store for {@code email} in {@code lang}; a new address, or one still unconfirmed
     * whose last link went out long enough ago, is sent a link (queued in the caller's transaction).
     */
    NotificationSetting apply(NotificationSetting before, @Nullable String email, String lang, Instant now) {
        if (email == null) {
            return before.withAddress(null, lang, null, null, null);
        }
        boolean same = email.equals(before.email());
        if (same && before.emailConfirmedAt() != null) {
            return before.withAddress(email, lang, before.emailConfirmedAt(), null, null);
        }
        boolean recent = same && before.confirmSentAt() != null && before.confirmSentAt().plus(RESEND_AFTER).isAfter(now);
        if (recent || !mail.enabled()) {
            return same ? before.withAddress(email, lang, null, before.confirmTokenHash(), before.confirmSentAt())
                    : before.withAddress(email, lang, null, null, null);
        }
        String token = RandomTokens.urlSafe(32);
        NotificationSetting next = before.withAddress(email, lang, null, Hashes.sha256(token), now);
        MailTemplates.Mail m = templates.confirmation(token, next, VALID);
        mail.enqueue(before.userId(), email, m.subject(), m.body());
        return next;
    }

    /** {@code s} confirmed by {@code token}; 422 CONFIRMATION_INVALID for any other token, a used or an old one. */
    NotificationSetting confirmed(NotificationSetting s, @Nullable String token, Instant now) {
        boolean valid = token != null && token.length() <= 100 && s.email() != null && s.confirmTokenHash() != null
                && s.confirmSentAt() != null && s.confirmSentAt().plus(VALID).isAfter(now)
                && MessageDigest.isEqual(Hashes.sha256(token).getBytes(StandardCharsets.US_ASCII),
                s.confirmTokenHash().getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            throw new ApiException(ErrorCode.CONFIRMATION_INVALID, "This link does not confirm your address: it is"
                    + " not the latest one sent to it, was used already or is older than 48 hours. Save the address"
                    + " again for a new one.");
        }
        return s.withAddress(s.email(), s.lang(), now, null, null);
    }
}
