package jp.kakehashi.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * Argon2id at its smallest cost for the services the tests start in this JVM: the suite creates and
 * signs in hundreds of accounts, each hash 40 ms of CPU at the real cost (150–190 ms before the JIT's
 * optimizing tier), 0.35 ms at this one. What the cost guards (guessing offline) is not under test
 * here; hashing, verifying, the decoy for unknown users and the throttle all still run. The packaged
 * service the slow tier starts has no test classes and hashes at {@link Argon2Cost#OWASP_MINIMUM}
 * (ImageRuntimeTest checks its stored hashes).
 */
@Factory
@Requires(env = Environment.TEST)
class CheapArgon2 {
    @Singleton
    @Replaces(value = Argon2Cost.class, factory = Argon2Cost.InUse.class)
    Argon2Cost cheapest() {
        return new Argon2Cost(8, 1, 1);
    }
}
