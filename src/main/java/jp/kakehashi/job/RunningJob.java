package jp.kakehashi.job;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A job while this instance runs it: the work advances the counters, the status resource reads them
 * as they are, and a flush copies them to the row about once a second for the other instances.
 */
final class RunningJob implements Progress {
    private final Job stored;
    private final AtomicLong total = new AtomicLong(-1);
    private final AtomicLong done = new AtomicLong();
    private volatile Instant startedAt;

    RunningJob(Job stored) {
        this.stored = stored;
    }

    long id() {
        return stored.id();
    }

    @Override
    public void total(long things) {
        total.set(Math.max(0, things));
        done.set(0);
    }

    @Override
    public void advance(long things) {
        done.addAndGet(things);
    }

    void started() {
        startedAt = Instant.now();
    }

    Job.State state() {
        return startedAt == null ? Job.State.QUEUED : Job.State.RUNNING;
    }

    Long total() {
        long t = total.get();
        return t < 0 ? null : t;
    }

    /** Never more than the total: a source can grow while it is read (rows added during a rebuild). */
    long done() {
        long t = total.get();
        return t < 0 ? done.get() : Math.min(done.get(), t);
    }

    Instant startedAt() {
        return startedAt;
    }

    /** The row as it stands now, for the status resource. */
    Job now() {
        return new Job(stored.id(), stored.kind(), state(), stored.startedBy(), stored.instance(), total(), done(),
                null, null, null, stored.createdAt(), startedAt, Instant.now(), null, stored.version());
    }
}
