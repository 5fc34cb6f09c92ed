package jp.kakehashi.security;

import io.micronaut.context.env.PropertyExpressionResolver;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.value.PropertyResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import jp.kakehashi.system.RandomTokens;

/**
 * Resolves {@code ${kakehashi-token-secret}}, the HS256 key that signs bearer tokens: the configured
 * {@code KAKEHASHI_TOKEN_SECRET} (at least 32 characters; required when several instances share a
 * database), else a random one kept in {@code <data-dir>/token-secret} (owner-only) so tokens survive
 * a restart of a single instance.
 */
public final class TokenSecretResolver implements PropertyExpressionResolver {
    static final String EXPRESSION = "kakehashi-token-secret";
    private static final int MIN_LENGTH = 32;

    @Override
    public <T> Optional<T> resolve(PropertyResolver properties, ConversionService conversion, String expression,
                                   Class<T> requiredType) {
        if (!EXPRESSION.equals(expression)) {
            return Optional.empty();
        }
        String configured = properties.getProperty("kakehashi.token-secret", String.class).orElse("");
        if (!configured.isBlank()) {
            if (configured.length() < MIN_LENGTH) {
                throw new IllegalStateException("KAKEHASHI_TOKEN_SECRET must be at least " + MIN_LENGTH + " characters");
            }
            return conversion.convert(configured, requiredType);
        }
        Path dataDir = Path.of(properties.getProperty("kakehashi.data-dir", String.class).orElse("data"));
        return conversion.convert(stored(dataDir.resolve("token-secret")), requiredType);
    }

    private static synchronized String stored(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                String secret = RandomTokens.urlSafe(48);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, secret);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } catch (UnsupportedOperationException notPosix) {
                    Files.writeString(file, secret);
                }
            }
            String secret = Files.readString(file).strip();
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalStateException(file + " holds a token secret shorter than " + MIN_LENGTH);
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the token secret in " + file, e);
        }
    }
}
