package jp.kakehashi.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import jp.kakehashi.http.Problems;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Counts sign-in attempts that did not succeed, per account and per client address in fixed
 * windows, in MariaDB so all instances share the counts. Unknown usernames are counted like known
 * ones, so a 429 says nothing about whether an account exists.
 */
@Singleton
class LoginThrottle {
    private final JdbcOperations jdbc;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final io.micrometer.core.instrument.Counter failures;

    LoginThrottle(JdbcOperations jdbc,
                  @Value("${kakehashi.login.max-failures-per-account:5}") int perAccount,
                  @Value("${kakehashi.login.max-failures-per-address:50}") int perAddress,
                  @Value("${kakehashi.login.window:15m}") Duration window,
                  io.micrometer.core.instrument.MeterRegistry metrics) {
        this.failures = metrics.counter("kakehashi.signin.failures");
        this.jdbc = jdbc;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /**
     * Refuses with 429 and Retry-After while the address is over its limit, then counts this
     * attempt against the account before its password is checked, refusing it if that takes the
     * account over its limit (the refusal rolls the count back). Counting the account only after a
     * failed check let any number of guesses sent at once through: each read "under the limit"
     * before the first failure was written (30 parallel guesses at one account were all checked
     * against a limit of 5). The upsert locks the account's row to the end of the transaction, so
     * concurrent attempts count one after the other and at most the limit are checked. The address
     * counts failures only, afterwards: counting its attempts in flight refused a burst of right
     * passwords from one office's address (64 colleagues at once against a limit of 50), and what
     * bounds guessing a password is the per-account count.
     */
    @Transactional
    public void reserve(String username, String address) {
        Instant now = Instant.now();
        OptionalLong wait = blockedFor(addressKey(address), perAddress, now);
        if (wait.isEmpty()) {
            bump(accountKey(username), now);
            wait = blockedFor(accountKey(username), perAccount + 1, now);
        }
        if (wait.isPresent()) {
            throw new ApiException(ErrorCode.TOO_MANY_REQUESTS, "Too many failed sign-ins; try again later")
                    .with(Problems.RETRY_AFTER, wait.getAsLong());
        }
    }

    /** The password was wrong: the account's attempt is already counted, the address's is now. */
    @Transactional
    public void failed(String address) {
        failures.increment();
        bump(addressKey(address), Instant.now());
    }

    /** The password was right: the account's failures are forgiven. */
    @Transactional
    public void succeeded(String username) {
        jdbc.prepareStatement("DELETE FROM login_attempt WHERE throttle_key = ?", ps -> {
            ps.setString(1, accountKey(username));
            return ps.executeUpdate();
        });
    }

    /** How long to wait while the key has {@code limit} or more counted in its current window. */
    private OptionalLong blockedFor(String key, int limit, Instant now) {
        return jdbc.prepareStatement("SELECT window_start, failures FROM login_attempt WHERE throttle_key = ?", ps -> {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(2) < limit) {
                    return OptionalLong.empty();
                }
                Instant ends = rs.getTimestamp(1).toInstant().plus(window);
                return ends.isAfter(now) ? OptionalLong.of(Math.max(1, Duration.between(now, ends).toSeconds()))
                        : OptionalLong.empty();
            }
        });
    }

    /** One atomic upsert: a window that has ended starts over at one failure. */
    private void bump(String key, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO login_attempt (throttle_key, window_start, failures) VALUES (?, ?, 1)
                ON DUPLICATE KEY UPDATE
                    failures = IF(window_start < ?, 1, failures + 1),
                    window_start = IF(window_start < ?, VALUES(window_start), window_start)""", ps -> {
            Timestamp start = Timestamp.from(now);
            Timestamp expired = Timestamp.from(now.minus(window));
            ps.setString(1, key);
            ps.setTimestamp(2, start);
            ps.setTimestamp(3, expired);
            ps.setTimestamp(4, expired);
            return ps.executeUpdate();
        });
    }

    private static String accountKey(String username) {
        String u = username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (u.length() > 100 ? u.substring(0, 100) : u);
    }

    private static String addressKey(String address) {
        return "addr:" + (address.length() > 100 ? address.substring(0, 100) : address);
    }
}
