package jp.kakehashi.office;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
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
    private final StaffLookup staff;
    private final OfficeSettings settings;

    OfficeController(OfficeDirectory offices, StaffLookup staff, OfficeSettings settings) {
        this.settings = settings;
        this.offices = offices;
        this.staff = staff;
    }

    @io.micronaut.serde.annotation.Serdeable
    record OfficeSettingsCommand(@Nullable Integer leaseHours, @Nullable Boolean selfApproval,
                                 @Nullable ReleaseMode releaseMode) {
    }

    /** Lease length (1–336 h), self-approval and release mode, per office; admins only. */
    @io.micronaut.http.annotation.Put("/{code}")
    @Secured("ADMIN")
    OfficeView update(@PathVariable String code, @io.micronaut.http.annotation.Body OfficeSettingsCommand c,
                      @Nullable Authentication auth) {
        if (!staff.require(auth).has(jp.kakehashi.security.User.Role.ADMIN)) {
            throw new jp.kakehashi.system.ApiException(jp.kakehashi.system.ErrorCode.FORBIDDEN, "Administrators only");
        }
        return OfficeView.of(settings.update(code, c.leaseHours(), c.selfApproval(), c.releaseMode()));
    }

    @Get
    List<OfficeView> list() {
        return offices.all().stream().map(OfficeView::of).toList();
    }
}
