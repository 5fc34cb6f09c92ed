package jp.kakehashi.notification;

/**
 * How a person is told of one kind of notification: in the pages only, in the pages and by mail at
 * once, in the pages and in the next daily digest, or not at all.
 */
public enum Channel {
    PAGE, EMAIL, DIGEST, NONE;

    boolean mails() {
        return this == EMAIL || this == DIGEST;
    }
}
