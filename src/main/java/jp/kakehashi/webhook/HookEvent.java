package jp.kakehashi.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook may subscribe to, by the names receivers see ({@code X-Kakehashi-Event}). */
public enum HookEvent {
    BULLETIN_RELEASED("bulletin.released"),
    PAIR_SUBMITTED("pair.submitted"),
    PAIR_APPROVED("pair.approved"),
    PAIR_REJECTED("pair.rejected");

    private final String wireName;

    HookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<HookEvent> of(String wireName) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(wireName)).findFirst();
    }
}
