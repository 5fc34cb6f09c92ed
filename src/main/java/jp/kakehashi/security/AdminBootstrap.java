package jp.kakehashi.security;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import jp.kakehashi.system.KakehashiConfig;
import jp.kakehashi.system.RandomTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start on an empty database creates {@code admin}: with KAKEHASHI_ADMIN_PASSWORD if set,
 * else with a random password printed once (it is never stored in clear or shown again).
 */
@Singleton
class AdminBootstrap implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final KakehashiConfig config;

    AdminBootstrap(UserRepository users, PasswordHasher hasher, KakehashiConfig config) {
        this.users = users;
        this.hasher = hasher;
        this.config = config;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (users.findByUsername("admin").isPresent()) {
            return;
        }
        String configured = config.getAdminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? randomPassword() : configured;
        users.save(new User(null, "admin", "Administrator", hasher.hash(password), User.Role.ADMIN.name(), true, 0,
                null, null));
        if (generated) {
            LOG.warn("Created the admin account. Password (shown only now): {}", password);
        } else {
            LOG.info("Created the admin account with the password from KAKEHASHI_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        return RandomTokens.urlSafe(15);
    }
}
