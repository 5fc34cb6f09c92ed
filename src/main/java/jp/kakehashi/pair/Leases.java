package jp.kakehashi.pair;

import java.time.Duration;
import java.time.Instant;

/**
 * Lease arithmetic, no I/O. A claim lasts the office's lease (default 48 h); saving a draft renews
 * it, but never beyond {@link #MAX_TOTAL_FACTOR} leases from the claim, so a pair cannot be held
 * forever by saving now and then.
 */
public final class Leases {
    public static final int MAX_TOTAL_FACTOR = 3;

    private Leases() {
    }

    public static Instant expiry(Instant now, int leaseHours) {
        return now.plus(Duration.ofHours(leaseHours));
    }

    public static Instant renewed(Instant now, Instant started, int leaseHours) {
        Instant wanted = expiry(now, leaseHours);
        Instant cap = started.plus(Duration.ofHours((long) leaseHours * MAX_TOTAL_FACTOR));
        return wanted.isAfter(cap) ? cap : wanted;
    }
}
