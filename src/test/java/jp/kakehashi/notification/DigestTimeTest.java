package jp.kakehashi.notification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a digest is due: from 09:00 local time, once per local day, across zones and clock changes. */
class DigestTimeTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    @Test
    void aDigestIsDueFromNineLocalTimeAndOnlyOnceThatDay() {
        Instant nine = Instant.parse("2026-12-07T08:00:00Z"); // 09:00 in Paris (CET)
        assertFalse(Digests.due(nine.minusSeconds(1), PARIS, null));
        assertTrue(Digests.due(nine, PARIS, null));
        assertTrue(Digests.due(nine.plusSeconds(3600), PARIS, Instant.parse("2026-12-06T08:00:00Z")), "yesterday's");
        assertFalse(Digests.due(nine.plusSeconds(3600), PARIS, nine), "today's went out");
        assertFalse(Digests.due(Instant.parse("2026-12-07T22:59:00Z"), PARIS, nine), "still the same day at 23:59");
    }

    @Test
    void nineOClockFollowsTheZonesClockChanges() {
        // Paris summer time 2026 starts on 29 March: 09:00 is 07:00 UTC from then on
        assertTrue(Digests.due(Instant.parse("2026-03-29T07:00:00Z"), PARIS, Instant.parse("2026-03-28T08:00:00Z")));
        assertFalse(Digests.due(Instant.parse("2026-03-28T07:30:00Z"), PARIS, null), "08:30 the day before");
        // Sydney: 09:00 on 7 December (AEDT, +11) is 22:00 UTC on the 6th
        assertTrue(Digests.due(Instant.parse("2026-12-06T22:00:00Z"), SYDNEY, Instant.parse("2026-12-05T22:00:00Z")));
        assertFalse(Digests.due(Instant.parse("2026-12-06T21:59:00Z"), SYDNEY, Instant.parse("2026-12-05T22:00:00Z")));
    }
}
