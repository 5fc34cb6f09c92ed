package jp.kakehashi.system;

import java.time.Duration;
import java.util.List;

/**
 * How long a failed delivery (a mail, a webhook) waits before its next attempt: 1, 5 and 15 times a
 * base, then 60, 120, 240 and 480 times it. With a one-minute base that is Weblate's and most mail
 * servers' rhythm: quick for a blip, hours for an outage, about 15 hours over eight attempts.
 */
public final class Backoff {
    private static final List<Integer> STEPS = List.of(1, 5, 15, 60, 120, 240, 480);

    private Backoff() {
    }

    /** The wait after the {@code attempts}-th failed attempt (counted from 1). */
    public static Duration after(int attempts, Duration base) {
        return base.multipliedBy(STEPS.get(Math.min(Math.max(attempts, 1) - 1, STEPS.size() - 1)));
    }
}
