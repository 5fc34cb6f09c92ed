package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jp.kakehashi.security.StaffLookup;

/** An office's pairs by state and its recent throughput, for staff. */
@Controller("/api/v1/offices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class OfficeStatusController {
    private final OfficeStatus status;
    private final StaffLookup staff;

    OfficeStatusController(OfficeStatus status, StaffLookup staff) {
        this.status = status;
        this.staff = staff;
    }

    @Get("/{code}/status")
    OfficeStatus.StatusView status(@PathVariable String code, @Nullable Authentication auth) {
        staff.require(auth);
        return status.of(code);
    }
}
