package jp.kakehashi.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.pair.PairRepository;
import jp.kakehashi.pair.PairStatus;
import jp.kakehashi.security.PasswordHasher;
import jp.kakehashi.security.UserRepository;
import jp.kakehashi.support.ServiceTest;
import org.junit.jupiter.api.Test;

@MicronautTest
class DemoContentTest extends ServiceTest {
    @Inject
    BulletinRepository bulletins;
    @Inject
    PairRepository pairs;
    @Inject
    UserRepository users;
    @Inject
    PasswordHasher hasher;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kakehashi.demo", "true", "kakehashi.admin-password", "correct horse battery staple");
    }

    @Test
    void aFreshDatabaseGetsTheDemoBulletinsAcrossAllOffices() {
        assertTrue(bulletins.count() >= 12, "at least 12 demo bulletins");
        var all = pairs.findAll();
        assertTrue(all.size() >= 40, "at least 40 demo pairs");
        Set<String> offices = all.stream().map(Pair::officeCode).collect(Collectors.toSet());
        assertEquals(Set.of("PAR", "LON", "SIN", "NYC", "SYD", "SEL", "BEJ", "TYO"), offices);
        long released = all.stream().filter(p -> p.status() == PairStatus.RELEASED).count();
        long open = all.stream().filter(p -> p.status() == PairStatus.UNASSIGNED).count();
        assertTrue(released >= 30 && open >= 5, "released content for readers, open pairs for translators");
        assertTrue(all.stream().anyMatch(p -> p.sourceLang().equals("en")), "an English-source report is included");
    }

    @Test
    void theAdminAccountUsesTheConfiguredPasswordHashedWithArgon2id() {
        var admin = users.findByUsername("admin").orElseThrow();
        assertTrue(admin.passwordHash().startsWith("$argon2id$v=19$m="), admin.passwordHash());
        assertTrue(hasher.matches("correct horse battery staple", admin.passwordHash()));
        assertTrue(!hasher.matches("correct horse battery stapler", admin.passwordHash()));
        assertEquals("ADMIN", admin.roles());
    }
}
