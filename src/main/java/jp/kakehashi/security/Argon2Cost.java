package jp.kakehashi.security;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * What one Argon2id hash costs: memory, passes and lanes. Every hash carries the cost it was made
 * with (PHC string), so raising it applies to new passwords and old ones still verify.
 *
 * <p>Deliberately not a configuration property: nothing an operator writes can weaken it. Only the
 * test environment replaces the bean (tests create and sign in hundreds of accounts), and the slow
 * tier checks that the packaged service hashes at this cost.
 */
public record Argon2Cost(int memoryKib, int iterations, int parallelism) {
    /** OWASP's minimum for Argon2id: 19 MiB, two passes, one lane. */
    public static final Argon2Cost OWASP_MINIMUM = new Argon2Cost(19 * 1024, 2, 1);

    public Argon2Cost {
        if (parallelism < 1 || iterations < 1 || memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("not an Argon2 cost: m=" + memoryKib + ",t=" + iterations
                    + ",p=" + parallelism);
        }
    }

    /** The PHC string's parameter field, {@code m=…,t=…,p=…}. */
    String phc() {
        return "m=%d,t=%d,p=%d".formatted(memoryKib, iterations, parallelism);
    }

    @Factory
    static class InUse {
        @Singleton
        Argon2Cost argon2Cost() {
            return OWASP_MINIMUM;
        }
    }
}
