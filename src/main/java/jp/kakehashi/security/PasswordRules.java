package jp.kakehashi.security;

import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Length is what makes a password strong (NIST SP 800-63B): at least 12 characters, no composition
 * rules. The upper bound keeps Argon2 work per request bounded.
 */
final class PasswordRules {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;

    private PasswordRules() {
    }

    static String check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH
                || password.length() > MAX_LENGTH) {
            throw new ApiException(ErrorCode.WEAK_PASSWORD,
                    "A password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (password.strip().equalsIgnoreCase(username)) {
            throw new ApiException(ErrorCode.WEAK_PASSWORD, "The password may not be the username");
        }
        return password;
    }
}
