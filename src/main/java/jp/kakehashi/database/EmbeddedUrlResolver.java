package jp.kakehashi.database;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.value.PropertyResolver;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves {@code ${kakehashi-embedded-mariadb-url}} by starting the embedded MariaDB of the
 * configured data directory. application.yml uses it as the default datasource URL, so it is only
 * evaluated when no {@code DATASOURCES_DEFAULT_URL} (or {@code datasources.default.url}) is set.
 * A placeholder resolver, not a bean, because the pool validates its URL before any bean listener runs.
 */
public final class EmbeddedUrlResolver implements io.micronaut.context.env.PropertyExpressionResolver {
    static final String EXPRESSION = "kakehashi-embedded-mariadb-url";

    @Override
    public <T> Optional<T> resolve(PropertyResolver properties, ConversionService conversion, String expression,
                                   Class<T> requiredType) {
        if (!EXPRESSION.equals(expression)) {
            return Optional.empty();
        }
        String dataDir = properties.getProperty("kakehashi.data-dir", String.class).orElse("data");
        String url = EmbeddedMariaDb.forDataDir(Path.of(dataDir)).start();
        return conversion.convert(url, requiredType);
    }
}
