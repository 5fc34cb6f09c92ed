package jp.kakehashi.security;

import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Gives every token an id ({@code jti}), which is what signing out revokes ({@link SignOuts}). */
@Singleton
class TokenIds implements JtiGenerator {
    @Override
    public String generateJtiClaim() {
        return UUID.randomUUID().toString();
    }
}
