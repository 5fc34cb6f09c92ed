package jp.kakehashi.job;

/**
 * How far a piece of long work has come, told by the work itself: how many things it will do once
 * it knows, then each batch done. Cheap enough to call per item (an atomic add).
 */
public interface Progress {
    /** Work that nobody watches (a test, an import answered synchronously). */
    Progress NONE = new Progress() {
        @Override
        public void total(long things) {
        }

        @Override
        public void advance(long things) {
        }
    };

    /**
     * How many things the work will do, told from its start: work that starts over (a transaction
     * run again after losing a lock conflict) tells it again, and the count done starts over too.
     */
    void total(long things);

    void advance(long things);
}
