package jp.kakehashi.segment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jp.kakehashi.bulletin.BulletinReader;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.system.ApiException;

/** {@code GET /api/v1/pairs/{id}/segments}: the pair's current texts as aligned sentence rows. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class SegmentController {
    private final BulletinReader reader;
    private final StaffLookup staff;

    SegmentController(BulletinReader reader, StaffLookup staff) {
        this.reader = reader;
        this.staff = staff;
    }

    @Get("/pairs/{id}/segments")
    SegmentRows.View segments(@PathVariable long id, @Nullable Authentication auth) {
        staff.require(auth);
        return SegmentRows.of(reader.pair(id, true).orElseThrow(() -> ApiException.notFound("Pair " + id)));
    }
}
