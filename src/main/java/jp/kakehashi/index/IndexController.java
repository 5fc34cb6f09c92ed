package jp.kakehashi.index;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.kakehashi.job.JobView;
import jp.kakehashi.security.StaffLookup;

/** Rebuilding this instance's indexes from MariaDB, for administrators: a job to follow. */
@Controller("/api/v1/indexes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
class IndexController {
    private final IndexRebuilds rebuilds;
    private final StaffLookup staff;
    private final JsonMapper json;

    IndexController(IndexRebuilds rebuilds, StaffLookup staff, JsonMapper json) {
        this.rebuilds = rebuilds;
        this.staff = staff;
        this.json = json;
    }

    /** {@code name}: {@code search} or {@code memory}. 202 and the job's address. */
    @ApiResponse(responseCode = "202", description = "A job to follow at Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @Post("/{name}/rebuild")
    MutableHttpResponse<JobView> rebuild(String name, @Nullable Authentication auth) {
        return JobView.accepted(rebuilds.start(name, staff.require(auth).username()), json);
    }
}
