package jp.kakehashi.job;

import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.database.DatabaseExceptions;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs long work beside the requests that asked for it and keeps its status: a row per job, written
 * when it is queued, about once a second while it runs (the heartbeat) and when it ends. Two workers
 * and a short queue bound what imports and rebuilds can take from the requests; beyond that a new job
 * is refused with 429 rather than queued for minutes.
 */
@Singleton
public class Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    static final int WORKERS = 2;
    static final int QUEUE = 8;
    /** A live job whose row is older than this lost its instance (killed, or the database was away). */
    static final Duration STALE = Duration.ofSeconds(30);
    private final JobRepository rows;
    private final JsonMapper json;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final Map<Long, RunningJob> live = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), Thread.ofPlatform().name("job-", 1).daemon().factory());

    Jobs(JobRepository rows, JsonMapper json) {
        this.rows = rows;
        this.json = json;
    }

    /** The work of a job: reports to {@code progress}, returns what the status resource shows as its result. */
    @FunctionalInterface
    public interface Work {
        Object run(Progress progress) throws Exception;
    }

    /** Queues {@code work} as a job of {@code by}; 429 when the queue is full. */
    public Job submit(Job.Kind kind, String by, Work work) {
        RunningJob job = queued(kind, by);
        try {
            workers.execute(() -> run(job, work));
        } catch (RejectedExecutionException e) {
            end(job, Job.State.FAILED, ErrorCode.TOO_MANY_REQUESTS.name(), "Too many jobs are waiting", null);
            throw new ApiException(ErrorCode.TOO_MANY_REQUESTS, "Too many jobs are waiting; try again in a minute");
        }
        return job.now();
    }

    /**
     * A job for work already running on the caller's thread (a rebuild an index starts itself). The
     * work must not wait for the database to report: with the database away it is tracked by nobody.
     */
    public Tracked track(Job.Kind kind, String by) {
        RunningJob job;
        try {
            job = queued(kind, by);
        } catch (RuntimeException e) {
            return Tracked.NONE;
        }
        job.started();
        return new Tracked() {
            @Override
            public void total(long things) {
                job.total(things);
            }

            @Override
            public void advance(long things) {
                job.advance(things);
            }

            @Override
            public void succeeded(Object result) {
                Jobs.this.succeeded(job, result);
            }

            @Override
            public void failed(Exception cause) {
                Jobs.this.failed(job, cause);
            }
        };
    }

    private RunningJob queued(Job.Kind kind, String by) {
        Instant now = Instant.now();
        RunningJob job = new RunningJob(rows.save(new Job(null, kind, Job.State.QUEUED, by, instance, null, 0, null,
                null, null, now, null, now, null, null)));
        live.put(job.id(), job);
        return job;
    }

    /** The job of this kind that runs or waits on this instance, if any: one rebuild of an index at a time. */
    public Optional<Job> running(Job.Kind kind) {
        return live.values().stream().map(RunningJob::now).filter(j -> j.kind() == kind).findFirst();
    }

    /** The job as it stands: live from memory on the instance that runs it, else from its row. */
    public Optional<Job> find(long id) {
        RunningJob mine = live.get(id);
        if (mine != null) {
            return Optional.of(mine.now());
        }
        return rows.findById(id).map(Jobs::interruptedIfStale);
    }

    /**
     * The job as {@code who} may see it: whoever started it and administrators; for anyone else it
     * does not exist (job ids are sequential and would tell others' work).
     */
    public Optional<Job> findFor(long id, Staff who) {
        return find(id).filter(j -> who.has(User.Role.ADMIN) || j.startedBy().equals(who.username()));
    }

    public List<Job> newest(int limit) {
        return rows.newest(limit).stream().map(j -> {
            RunningJob mine = live.get(j.id());
            return mine != null ? mine.now() : interruptedIfStale(j);
        }).toList();
    }

    private static Job interruptedIfStale(Job j) {
        if (!j.state().live() || j.updatedAt().isAfter(Instant.now().minus(STALE))) {
            return j;
        }
        return new Job(j.id(), j.kind(), Job.State.FAILED, j.startedBy(), j.instance(), j.total(), j.done(),
                ErrorCode.JOB_INTERRUPTED.name(), "The instance running it stopped", null, j.createdAt(),
                j.startedAt(), j.updatedAt(), j.updatedAt(), j.version());
    }

    private void run(RunningJob job, Work work) {
        job.started();
        Object result;
        try {
            result = work.run(job);
        } catch (Exception e) {
            failed(job, e);
            return;
        }
        succeeded(job, result);
    }

    private void succeeded(RunningJob job, Object result) {
        try {
            end(job, Job.State.SUCCEEDED, null, null, json.writeValueAsString(result));
        } catch (IOException e) {
            failed(job, e);
        }
    }

    private void failed(RunningJob job, Exception cause) {
        if (cause instanceof ApiException e) {
            // the extensions (which entry of a file, which field) are the failure's result
            end(job, Job.State.FAILED, e.code().name(), e.getMessage(), json(e.extensions()));
        } else if (DatabaseExceptions.meaning(cause).orElse(null) instanceof ApiException e) {
            // the database away, or a concurrent change that won: nothing unexpected to trace
            LOG.info("Job {} failed: {}", job.id(), cause.toString());
            end(job, Job.State.FAILED, e.code().name(), e.getMessage() != null ? e.getMessage()
                    : "The database was unavailable", null);
        } else {
            LOG.warn("Job {} failed", job.id(), cause);
            end(job, Job.State.FAILED, ErrorCode.INTERNAL.name(), "The job failed; the service log has the cause",
                    null);
        }
    }

    private String json(Map<String, Object> extensions) {
        try {
            return extensions.isEmpty() ? null : json.writeValueAsString(extensions);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void end(RunningJob job, Job.State state, String code, String detail, String result) {
        try {
            rows.finish(job.id(), state.name(), job.total(), job.done(), code, detail, result, job.startedAt(),
                    Instant.now());
        } catch (RuntimeException e) {
            // the database is away: the row stays live and reads as interrupted once stale
            LOG.warn("Job {} ended {} but its row could not be written: {}", job.id(), state, e.toString());
        } finally {
            live.remove(job.id());
        }
    }

    /** The heartbeat: every live job's counters to its row. */
    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void flush() {
        for (RunningJob job : live.values()) {
            try {
                rows.progress(job.id(), job.state().name(), job.total(), job.done(), job.startedAt(), Instant.now());
            } catch (RuntimeException e) {
                return; // the database is away; the next flush tries again
            }
        }
    }

    /** At a stop, work still running is interrupted, and says so at once rather than once stale. */
    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(2, TimeUnit.SECONDS);
        for (RunningJob job : live.values()) {
            end(job, Job.State.FAILED, ErrorCode.JOB_INTERRUPTED.name(), "The service stopped while it ran", null);
        }
    }
}
