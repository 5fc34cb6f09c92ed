package jp.kakehashi.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail that asks a person to confirm their notification address, read as its owner reads it:
 * the link's page posts the token from the link back with the owner's session (the browser test
 * opens the link itself; these call what the page calls).
 */
public final class AddressConfirmation {
    /** The link: the service's base URL, the settings page, a 256-bit token in URL-safe Base64. */
    private static final Pattern LINK =
            Pattern.compile("(https?://\\S+?)/work/settings/notifications\\?confirm=([A-Za-z0-9_-]{43})");

    private AddressConfirmation() {
    }

    /** The link's base URL and token, failing when the mail has no such link. */
    public static Link link(MimeMessage m) throws Exception {
        String text = (String) m.getContent();
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), "no confirmation link in: " + text);
        return new Link(link.group(1), link.group(2));
    }

    /** Whether this is a confirmation mail (and not a notification). */
    public static boolean isOne(MimeMessage m) {
        try {
            return LINK.matcher((String) m.getContent()).find();
        } catch (Exception e) {
            return false;
        }
    }

    /** What the link's page does with it, as {@code owner}. */
    public static Http.Response confirm(Http owner, String token) {
        return owner.postJson("/api/v1/notifications/settings/confirm", Map.of("token", token));
    }

    public record Link(String base, String token) {
    }
}
