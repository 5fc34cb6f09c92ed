package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jp.kakehashi.http.ETags;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.system.ApiException;

@Controller("/api/v1/pairs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class PairController {
    private final PairReader reader;
    private final StaffLookup staff;

    PairController(PairReader reader, StaffLookup staff) {
        this.reader = reader;
        this.staff = staff;
    }

    @Get("/{id}")
    HttpResponse<PairView> get(@PathVariable long id, @Nullable Authentication auth) {
        PairView view = reader.pair(id, staff.of(auth).isPresent())
                .orElseThrow(() -> ApiException.notFound("Pair " + id));
        return HttpResponse.ok(view).header("ETag", ETags.of(view.version()));
    }
}
