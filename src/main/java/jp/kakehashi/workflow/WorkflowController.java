package jp.kakehashi.workflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jp.kakehashi.bulletin.BulletinView;
import jp.kakehashi.bulletin.PairView;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ETags;
import jp.kakehashi.workflow.TextCommands.ActionCommand;
import jp.kakehashi.workflow.TextCommands.ReviseSourceCommand;
import jp.kakehashi.workflow.TextCommands.SaveTargetCommand;

/**
 * The workflow endpoints. All need a token; who may do what is decided per pair by the rules. The
 * action names are a fixed lowercase table, so odd spellings ({@code CLAIM}, {@code claim;x},
 * {@code %2Fclaim}) are simply not routes.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class WorkflowController {
    private final PairWorkflow workflow;
    private final Revisions revisions;
    private final BulletinRelease releases;
    private final PairHistory history;
    private final StaffLookup staff;
    private final QaReview review;

    WorkflowController(PairWorkflow workflow, Revisions revisions, BulletinRelease releases, PairHistory history,
                       StaffLookup staff, QaReview review) {
        this.review = review;
        this.workflow = workflow;
        this.revisions = revisions;
        this.releases = releases;
        this.history = history;
        this.staff = staff;
    }

    @Post("/pairs/{id}/{action}")
    HttpResponse<PairView> act(@PathVariable long id, @PathVariable String action, @Nullable @Body ActionCommand body,
                               @Nullable @Header("If-Match") String ifMatch, @Nullable Authentication auth) {
        Action a = Action.ofEndpoint(action).orElseThrow(() -> ApiException.notFound("Action " + action));
        ActionCommand c = body == null ? new ActionCommand(null, null) : body;
        return tagged(workflow.act(id, a, staff.require(auth), c.reason(), ETags.version(ifMatch), c.assignee()));
    }

    @Put("/pairs/{id}/target")
    HttpResponse<PairView> saveTarget(@PathVariable long id, @Body SaveTargetCommand body,
                                      @Nullable @Header("If-Match") String ifMatch, @Nullable Authentication auth) {
        return tagged(revisions.saveDraft(id, staff.require(auth), ETags.required(ifMatch), body));
    }

    @Put("/pairs/{id}/source")
    HttpResponse<PairView> reviseSource(@PathVariable long id, @Body ReviseSourceCommand body,
                                        @Nullable @Header("If-Match") String ifMatch, @Nullable Authentication auth) {
        return tagged(revisions.reviseSource(id, staff.require(auth), ETags.required(ifMatch), body));
    }

    @Get("/pairs/{id}/history")
    PairHistory.HistoryView history(@PathVariable long id, @Nullable Authentication auth) {
        staff.require(auth);
        return history.of(id);
    }

    /** The QA checks on the current draft: warnings while drafting, the blocking ones stop submit. */
    @Get("/pairs/{id}/qa")
    QaReview.Report qa(@PathVariable long id, @Nullable Authentication auth) {
        staff.require(auth);
        return review.report(id);
    }

    /** An editor marks a warning as intended, with the reason; it stays acknowledged on later drafts. */
    @Post("/pairs/{id}/qa/acknowledgements")
    QaReview.Report acknowledge(@PathVariable long id, @Body QaReview.AcknowledgeCommand c,
                                @Nullable Authentication auth) {
        return review.acknowledge(id, staff.require(auth), c);
    }

    @Post("/bulletins/{id}/release")
    BulletinView release(@PathVariable long id, @Nullable @Header("If-Match") String ifMatch,
                         @Nullable Authentication auth) {
        return releases.release(id, staff.require(auth), ETags.version(ifMatch));
    }

    @Post("/bulletins/{id}/retract")
    BulletinView retract(@PathVariable long id, @Nullable @Body ActionCommand body,
                         @Nullable @Header("If-Match") String ifMatch, @Nullable Authentication auth) {
        return releases.retract(id, staff.require(auth), body == null ? null : body.reason(), ETags.version(ifMatch));
    }

    static HttpResponse<PairView> tagged(PairView view) {
        return HttpResponse.ok(view).header("ETag", ETags.of(view.version()));
    }
}
