package jp.kakehashi.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The counters a job's status resource reads while the work runs. */
class RunningJobTest {
    private static RunningJob job() {
        Instant now = Instant.now();
        return new RunningJob(new Job(1L, Job.Kind.TBX_IMPORT, Job.State.QUEUED, "editor", "here", null, 0, null,
                null, null, now, null, now, null, 0L));
    }

    @Test
    void workThatStartsOverCountsFromNothingAgain() {
        RunningJob job = job();
        job.total(4);
        job.advance(3);
        assertEquals(3, job.done());
        job.total(4); // a transaction run again after losing a lock conflict
        assertEquals(0, job.done(), "not 3 of 4 before the second run has done anything");
        job.advance(1);
        assertEquals(1, job.done());
        assertEquals(4L, job.total());
    }

    @Test
    void doneNeverPassesTheTotalNorIsThereATotalBeforeTheWorkTellsIt() {
        RunningJob job = job();
        job.advance(2);
        assertEquals(null, job.total());
        assertEquals(2, job.done());
        job.total(1);
        job.advance(5);
        assertEquals(1, job.done(), "a source that grew while it was read");
    }
}
