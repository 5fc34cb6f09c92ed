package jp.kakehashi.database;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import jp.kakehashi.system.KakehashiConfig;

/** Stops the embedded MariaDB (if this context started one) when the application stops. */
@Context
public class EmbeddedLifecycle {
    private final KakehashiConfig config;

    EmbeddedLifecycle(KakehashiConfig config) {
        this.config = config;
        EmbeddedMariaDb.contextOpened();
    }

    /** The embedded server of this context's data directory, for tests that take it away and back. */
    public Optional<EmbeddedMariaDb> database() {
        return EmbeddedMariaDb.running(config.getDataDir());
    }

    @PreDestroy
    void stop() {
        try {
            database().ifPresent(EmbeddedMariaDb::close);
        } finally {
            EmbeddedMariaDb.contextClosed();
        }
    }
}
