package jp.kakehashi.security;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import jp.kakehashi.system.RandomTokens;

/**
 * Argon2id at {@link Argon2Cost}, stored in the PHC string format so the cost can be raised later
 * without invalidating existing hashes.
 *
 * <p>Hashing runs on a small pool of platform threads, one per core. Requests run on virtual
 * threads, which the JDK does not preempt: dozens of simultaneous logins would otherwise occupy every
 * carrier thread with Argon2 and starve the requests that hold database connections (seen as pool
 * timeouts). The pool also bounds Argon2's memory to cores × 19 MiB under a login flood.
 */
@Singleton
public class PasswordHasher implements AutoCloseable {
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private final ExecutorService workers = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), Thread.ofPlatform().name("argon2-", 0).daemon()
                    .factory());
    private final Argon2Cost cost;

    public PasswordHasher(Argon2Cost cost) {
        this.cost = cost;
    }

    public String hash(String password) {
        return onWorker(() -> hashNow(password));
    }

    public boolean matches(String password, String phc) {
        return onWorker(() -> matchesNow(password, phc));
    }

    @Override
    @PreDestroy
    public void close() {
        workers.shutdownNow();
    }

    private <T> T onWorker(Callable<T> work) {
        try {
            return workers.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private String hashNow(String password) {
        byte[] salt = RandomTokens.bytes(16);
        byte[] hash = derive(password, salt, cost.memoryKib(), cost.iterations(), cost.parallelism(), 32);
        return "$argon2id$v=19$%s$%s$%s".formatted(cost.phc(), B64.encodeToString(salt),
                B64.encodeToString(hash));
    }

    private boolean matchesNow(String password, String phc) {
        String[] parts = phc.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            return false;
        }
        int m = 0;
        int t = 0;
        int p = 0;
        for (String kv : parts[3].split(",")) {
            int v = Integer.parseInt(kv.substring(2));
            switch (kv.charAt(0)) {
                case 'm' -> m = v;
                case 't' -> t = v;
                case 'p' -> p = v;
                default -> {
                    return false;
                }
            }
        }
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] expected = Base64.getDecoder().decode(parts[5]);
        return MessageDigest.isEqual(expected, derive(password, salt, m, t, p, expected.length));
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int len) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKib)
                .withIterations(iterations).withParallelism(parallelism).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[len];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
