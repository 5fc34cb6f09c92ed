package jp.kakehashi.support;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of tests that run the whole service over HTTP on a real embedded MariaDB. Most classes
 * share one data directory (the server is stopped with each context and started again by the
 * next); tests that need a pristine database override {@link #dataDir()}. Tests never assume the
 * database is empty: they create what they read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTest implements TestPropertyProvider {
    /** One shared directory per test JVM ({@code kakehashi.test.fork}), so parallel forks never share a server. */
    protected String dataDir() {
        return "target/test-data/shared-" + System.getProperty("kakehashi.test.fork", "1");
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @Override
    public Map<String, String> getProperties() {
        var props = new java.util.HashMap<>(extraProperties());
        props.put("kakehashi.data-dir", dataDir());
        props.putIfAbsent("kakehashi.admin-password", Staffing.ADMIN_PASSWORD);
        return props;
    }
}
