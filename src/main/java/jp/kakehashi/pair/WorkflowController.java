package jp.kakehashi.pair;

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
import jp.kakehashi.http.ETags;
import jp.kakehashi.pair.TextCommands.ActionCommand;
import jp.kakehashi.pair.TextCommands.ReviseSourceCommand;
import jp.kakehashi.pair.TextCommands.SaveTargetCommand;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.system.ApiException;

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
    private final PairHistory history;
    private final StaffLookup staff;
    private final PairBulk bulk;

    WorkflowController(PairWorkflow workflow, Revisions revisions, PairHistory history, StaffLookup staff,
                       PairBulk bulk) {
        this.bulk = bulk;
        this.workflow = workflow;
        this.revisions = revisions;
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

    /** One action on many pairs, all or nothing ({@link PairBulk}). */
    @Post("/pairs/bulk")
    PairBulk.BulkView bulk(@Body PairBulk.BulkCommand body, @Nullable Authentication auth) {
        return bulk.act(body, staff.require(auth));
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

    /** What one revision of a side changed against the one before ({@link PairHistory#revision}). */
    @Get("/pairs/{id}/history/{side}/{revision}")
    PairHistory.Diff revision(@PathVariable long id, @PathVariable String side, @PathVariable int revision,
                              @Nullable Authentication auth) {
        staff.require(auth);
        return history.revision(id, side, revision);
    }

    static HttpResponse<PairView> tagged(PairView view) {
        return HttpResponse.ok(view).header("ETag", ETags.of(view.version()));
    }
}
