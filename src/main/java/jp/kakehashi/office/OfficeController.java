package jp.kakehashi.office;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import jp.kakehashi.security.StaffLookup;

@Controller("/api/v1/offices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class OfficeController {
    private final OfficeDirectory offices;
    private final OfficeStatus status;
    private final StaffLookup staff;

    OfficeController(OfficeDirectory offices, OfficeStatus status, StaffLookup staff) {
        this.offices = offices;
        this.status = status;
        this.staff = staff;
    }

    @Get("/{code}/status")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    OfficeStatus.StatusView status(@PathVariable String code, @Nullable Authentication auth) {
        staff.require(auth);
        return status.of(code);
    }

    @Get
    List<OfficeView> list() {
        return offices.all().stream().map(OfficeView::of).toList();
    }
}
