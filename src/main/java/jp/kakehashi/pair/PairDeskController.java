package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jp.kakehashi.memory.MemoryQueries;
import jp.kakehashi.qa.QaReview;
import jp.kakehashi.security.StaffLookup;

/** The aids beside a pair over HTTP, for staff: segments, suggestions, terms, QA. */
@Controller("/api/v1/pairs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class PairDeskController {
    private final PairDesk desk;
    private final StaffLookup staff;

    PairDeskController(PairDesk desk, StaffLookup staff) {
        this.desk = desk;
        this.staff = staff;
    }

    /** The current texts as aligned sentence rows. */
    @Get("/{id}/segments")
    SegmentRows.View segments(@PathVariable long id, @Nullable Authentication auth) {
        staff.require(auth);
        return desk.segments(desk.pair(id));
    }

    @Get("/{id}/suggestions{?threshold}")
    MemoryQueries.Suggestions suggestions(@PathVariable long id, @Nullable Integer threshold,
                                          @Nullable Authentication auth) {
        staff.require(auth);
        return desk.suggestions(desk.pair(id), threshold);
    }

    /** The glossary terms in the source and current draft, with offsets for highlighting. */
    @Get("/{id}/terms")
    PairDesk.Terms terms(@PathVariable long id, @Nullable Authentication auth) {
        staff.require(auth);
        return desk.terms(desk.pair(id));
    }

    /** The QA checks on the current draft: warnings while drafting, the blocking ones stop submit. */
    @Get("/{id}/qa")
    QaReview.Report qa(@PathVariable long id, @Nullable Authentication auth) {
        staff.require(auth);
        return desk.qa(desk.pair(id));
    }

    /** An editor marks a warning as intended, with the reason; it stays acknowledged on later drafts. */
    @Post("/{id}/qa/acknowledgements")
    QaReview.Report acknowledge(@PathVariable long id, @Body QaReview.AcknowledgeCommand c,
                                @Nullable Authentication auth) {
        return desk.acknowledge(id, staff.require(auth), c);
    }
}
