package jp.kakehashi.index;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ExecutionException;
import jp.kakehashi.job.Job;
import jp.kakehashi.job.Jobs;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's rebuild of this instance's search or memory index, as a job: built beside the live
 * index, which keeps answering until the swap. A second request while one runs gets the running job.
 */
@Singleton
public class IndexRebuilds {
    private static final Logger LOG = LoggerFactory.getLogger(IndexRebuilds.class);
    private final List<IndexFollower> followers;
    private final Jobs jobs;

    IndexRebuilds(List<IndexFollower> followers, Jobs jobs) {
        this.followers = followers;
        this.jobs = jobs;
    }

    /** The labels of the indexes there are ({@code search}, {@code memory}). */
    public List<String> names() {
        return followers.stream().map(f -> f.source().label()).sorted().toList();
    }

    /** Synchronized: two administrators pressing at once start one rebuild, not one after the other. */
    public synchronized Job start(String name, String by) {
        IndexFollower follower = followers.stream().filter(f -> f.source().label().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("index"));
        Job.Kind kind = follower.source().rebuildKind();
        return jobs.running(kind).orElseGet(() -> jobs.submit(kind, by, progress -> {
            try {
                return follower.rebuildNow(progress).get();
            } catch (ExecutionException e) {
                LOG.warn("The {} index rebuild asked by {} failed", name, by, e.getCause());
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The rebuild stopped; the live index is"
                        + " served as before and the service log has the cause");
            }
        }));
    }
}
