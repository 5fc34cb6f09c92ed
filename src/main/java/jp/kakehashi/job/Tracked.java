package jp.kakehashi.job;

/** Work running on a thread of its own (an index's), reported as a job while it runs ({@link Jobs#track}). */
public interface Tracked extends Progress {
    /** Work nobody follows: the database was away when it began. */
    Tracked NONE = new Tracked() {
        @Override
        public void total(long things) {
        }

        @Override
        public void advance(long things) {
        }

        @Override
        public void succeeded(Object result) {
        }

        @Override
        public void failed(Exception cause) {
        }
    };

    void succeeded(Object result);

    void failed(Exception cause);
}
