package jp.kakehashi.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.security.User.Role;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/** Jobs' status resources: each to whoever started it and to administrators; the list to administrators. */
@Controller("/api/v1/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class JobController {
    static final int MAX_LIST = 100;
    private final Jobs jobs;
    private final StaffLookup staff;
    private final JsonMapper json;

    JobController(Jobs jobs, StaffLookup staff, JsonMapper json) {
        this.jobs = jobs;
        this.staff = staff;
        this.json = json;
    }

    /** Someone else's job is 404, as if it did not exist: job ids are sequential and would tell others' work. */
    @Get("/{id}")
    JobView job(long id, @Nullable Authentication auth) {
        Staff who = staff.require(auth);
        return jobs.findFor(id, who).map(j -> JobView.of(j, json))
                .orElseThrow(() -> ApiException.notFound("job"));
    }

    /** The newest jobs first, running and finished, of every instance. */
    @Get("{?limit}")
    List<JobView> newest(@Nullable Integer limit, @Nullable Authentication auth) {
        Staff who = staff.require(auth);
        if (!who.has(Role.ADMIN)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Administrators see every job");
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_LIST) {
            throw ApiException.invalidParameter("limit", "limit must be 1 … " + MAX_LIST);
        }
        return jobs.newest(n).stream().map(j -> JobView.of(j, json)).toList();
    }
}
