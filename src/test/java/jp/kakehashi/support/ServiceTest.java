package jp.kakehashi.support;

import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of tests that run the whole service over HTTP on a real MariaDB. Each class starts from
 * nothing: a database of its own on the JVM's shared embedded server ({@link SharedMariaDb}) and a
 * data directory of its own (indexes, token secret, files), both emptied first. So classes run
 * side by side (junit-platform.properties) and no test depends on what another one left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTest implements TestPropertyProvider {
    /** Whether this class holds {@link ContextStarts}' turn while the extension starts its context. */
    private final AtomicBoolean starting = new AtomicBoolean();

    /** This class's data directory, the service's {@code kakehashi.data-dir}. */
    protected final String dataDir() {
        return "target/test-data/" + System.getProperty("kakehashi.test.fork", "1") + "/" + getClass().getSimpleName();
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @Override
    public Map<String, String> getProperties() {
        if (starting.compareAndSet(false, true)) {
            ContextStarts.begin();
        }
        empty(Path.of(dataDir()));
        String url = SharedMariaDb.freshDatabase("t_" + getClass().getSimpleName().toLowerCase(Locale.ROOT));
        var props = new HashMap<>(extraProperties());
        props.put("kakehashi.data-dir", dataDir());
        props.put("datasources.default.url", url);
        props.putIfAbsent("kakehashi.admin-password", Staffing.ADMIN_PASSWORD);
        return props;
    }

    /** Runs after the extension has started the context and before the subclass's own {@code @BeforeAll}. */
    @BeforeAll
    final void contextStarted() {
        started();
    }

    /** Also when the context failed to start, so the next class is not left waiting. */
    @AfterAll
    final void classDone() {
        started();
    }

    private void started() {
        if (starting.compareAndSet(true, false)) {
            ContextStarts.end();
        }
    }

    private static void empty(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
