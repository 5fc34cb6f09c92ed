package jp.kakehashi.system;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable values: salts, secrets, one-time links and cookies. One shared {@link SecureRandom}
 * (thread-safe; seeded once from the operating system) instead of one per caller.
 */
public final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    public static byte[] bytes(int count) {
        byte[] b = new byte[count];
        RANDOM.nextBytes(b);
        return b;
    }

    /** {@code count} random bytes as URL-safe Base64 without padding: fits a link, a cookie or a file. */
    public static String urlSafe(int count) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(count));
    }
}
