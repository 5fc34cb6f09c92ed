package jp.kakehashi.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Argon2id at the service's cost and at another: the cost a hash carries is the one it verifies at. */
class PasswordHasherTest {
    private static final PasswordHasher REAL = new PasswordHasher(Argon2Cost.OWASP_MINIMUM);
    private static final PasswordHasher CHEAP = new PasswordHasher(new Argon2Cost(8, 1, 1));

    @AfterAll
    static void close() {
        REAL.close();
        CHEAP.close();
    }

    @Test
    void theServiceHashesAtOwaspsMinimumForArgon2id() {
        assertEquals(Argon2Cost.OWASP_MINIMUM, new Argon2Cost.InUse().argon2Cost());
        String hash = REAL.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(REAL.matches("correct horse battery staple", hash));
        assertFalse(REAL.matches("correct horse battery stapler", hash));
    }

    @Test
    void aHashVerifiesAtTheCostItCarriesWhateverTheCostInUseNow() {
        String old = CHEAP.hash("ein langes Passwort");
        assertTrue(old.startsWith("$argon2id$v=19$m=8,t=1,p=1$"), old);
        assertTrue(REAL.matches("ein langes Passwort", old), "raising the cost keeps old passwords working");
        assertTrue(CHEAP.matches("ein langes Passwort", REAL.hash("ein langes Passwort")));
        assertFalse(REAL.matches("ein langes passwort", old));
    }

    @Test
    void somethingThatIsNotAnArgon2HashMatchesNothing() {
        assertFalse(REAL.matches("x", "$2a$10$abcdefghijklmnopqrstuv"));
        assertFalse(REAL.matches("x", ""));
    }

    @Test
    void aCostArgon2CannotRunIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2Cost(7, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Cost(64, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Cost(64, 1, 0));
    }
}
