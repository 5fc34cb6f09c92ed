package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.comment.Comments;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.pair.Action;
import jp.kakehashi.pair.PairBulk;
import jp.kakehashi.pair.PairDesk;
import jp.kakehashi.pair.PairStatus;
import jp.kakehashi.pair.PairWorkflow;
import jp.kakehashi.pair.Revisions;
import jp.kakehashi.pair.WorkQueue;
import jp.kakehashi.qa.QaReview;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;

/**
 * Translators' and editors' pages: the work queue, and a pair with its source beside the draft and
 * the actions its state allows (a bulletin's page is {@link BulletinPages}). Every action goes through the same services as
 * the API (same rules, same locking); a refusal comes back as the localised problem title.
 */
@Hidden
@Controller("/work")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class WorkPages {
    private final PageSession session;
    private final StaffForms forms;
    private final WorkQueue queue;
    private final PairDesk desk;
    private final PairWorkflow workflow;
    private final Revisions revisions;
    private final OfficeDirectory offices;
    private final Comments comments;

    WorkPages(PageSession session, StaffForms forms, WorkQueue queue, PairDesk desk, PairWorkflow workflow,
              Revisions revisions, OfficeDirectory offices, Comments comments) {
        this.comments = comments;
        this.session = session;
        this.forms = forms;
        this.queue = queue;
        this.desk = desk;
        this.workflow = workflow;
        this.revisions = revisions;
        this.offices = offices;
    }

    /** {@code office}: one of the person's offices only (the lists are bounded; this reads the rest). */
    @Get(uri = "{?withdrawn,office,direction,order,bulk,count,error,failed}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> queue(HttpRequest<?> request, @Nullable Long withdrawn, @Nullable String office,
                                 @Nullable String direction, @Nullable String order,
                                 @Nullable String bulk, @Nullable Integer count, @Nullable String error,
                                 @Nullable Long failed) {
        Optional<Staff> me = signedIn(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = model(request, me.get());
        model.put("withdrawn", withdrawn);
        // what the selection's action did ({@link BulkPages}): how many changed, or which pair refused
        model.put("bulk", bulk != null && bulk.matches("[a-z]{1,20}") ? bulk : null);
        model.put("count", count == null ? 0 : count);
        model.put("error", error != null && error.matches("[A-Z_]{1,40}") ? error : null);
        model.put("failed", failed);
        model.put("bulkActions", PairBulk.ACTIONS.stream().filter(a -> a == Action.UNCLAIM
                || me.get().has(User.Role.EDITOR)).toList());
        List<String> offices = office != null && me.get().offices().contains(office) ? List.of(office)
                : me.get().offices().stream().sorted().toList();
        model.put("office", offices.size() == 1 ? offices.getFirst() : "");
        model.put("myOffices", me.get().offices().stream().sorted().toList());
        model.put("zone", this.offices.zoneOf(offices.isEmpty() ? "TYO" : offices.getFirst()));
        WorkQueue.Filter filter = WorkQueue.Filter.of(direction, order);
        model.put("direction", filter.sourceLang() == null ? "" : filter.sourceLang().equals("ja") ? "ja-en" : "en-ja");
        model.put("order", filter.order().name());
        model.put("orders", List.of(WorkQueue.Order.values()));
        model.put("mine", queue.heldBy(me.get().id(), List.of(PairStatus.CLAIMED, PairStatus.CHANGES_REQUESTED), filter));
        model.put("open", queue.ofOffices(offices, List.of(PairStatus.UNASSIGNED, PairStatus.OUTDATED), filter));
        model.put("review", !me.get().has(User.Role.EDITOR) ? WorkQueue.Queue.EMPTY
                : queue.ofOffices(offices, List.of(PairStatus.SUBMITTED, PairStatus.APPROVED), filter));
        return HttpResponse.ok(new ModelAndView<>("work", model));
    }

    @Get(uri = "/pairs/{id}{?error,qa,mode,xliff}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> pair(HttpRequest<?> request, @PathVariable long id, @Nullable String error,
                                @Nullable List<String> qa, @Nullable String mode, @Nullable String xliff) {
        Optional<Staff> me = signedIn(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = model(request, me.get());
        PairDesk.Desk d = desk.desk(id);
        model.put("pair", d.pair());
        model.put("warnings", d.qa().issues());
        model.put("mayAcknowledge", me.get().editorOf(d.pair().office()));
        model.put("suggestions", d.suggestions());
        model.put("segments", d.segments().rows());
        model.put("editor", d.editor());
        // the segment editor unless the translator asked for the whole text in one field
        model.put("freeText", "text".equals(mode));
        model.put("terms", d.terms().source());
        model.put("history", d.history());
        model.put("comments", CommentPages.thread(comments, id, me.get()));
        model.put("zone", offices.zoneOf(d.pair().office()));
        // what the reviewer asked for, at the top while it is still to do, not only in the history below
        model.put("sentBack", d.pair().status() != PairStatus.CHANGES_REQUESTED ? null
                : d.history().events().reversed().stream().filter(e -> e.action().equals(Action.REJECT.auditName()))
                        .map(e -> e.reason()).findFirst().orElse(null));
        // what the rules let this person do now; assigning needs a person to name, which these buttons do not ask for
        model.put("actions", workflow.allowed(id, me.get()).stream().filter(a -> !a.needsAssignee()).toList());
        model.put("mayEdit", workflow.mayEdit(id, me.get()));
        model.put("draftDiff", d.draftDiff());
        model.put("xliffSaved", "saved".equals(xliff));
        model.put("error", error);
        model.put("qa", qa == null ? List.of() : qa.stream().filter(c -> c.matches("[A-Z_]{1,40}")).toList());
        return HttpResponse.ok(new ModelAndView<>("pair", model));
    }

    @Post(uri = "/pairs/{id}/save", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @PathVariable long id, @Body String form) {
        Map<String, List<String>> f = Forms.parse(form);
        return change(request, Forms.first(f, "_csrf"), DraftForm.back(id, f),
                me -> revisions.saveDraft(id, me, DraftForm.version(f), DraftForm.command(f)));
    }

    @Post(uri = "/pairs/{id}/act", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> action(HttpRequest<?> request, @PathVariable long id, @Nullable String action,
                                  @Nullable String reason, @Nullable String assignee, @Nullable Long version,
                                  @Nullable String _csrf) {
        Action a = action == null ? null : Action.ofEndpoint(action).orElse(null);
        return act(request, _csrf, id, me -> {
            if (a == null) {
                throw ApiException.notFound("Action " + action);
            }
            return workflow.act(id, a, me, reason, version, assignee);
        });
    }

    @Post(uri = "/pairs/{id}/acknowledge", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> acknowledge(HttpRequest<?> request, @PathVariable long id, @Nullable String code,
                                       @Nullable String detail, @Nullable String reason, @Nullable String _csrf) {
        return act(request, _csrf, id, me -> desk.acknowledge(id, me, new QaReview.AcknowledgeCommand(code, detail,
                reason)));
    }

    private MutableHttpResponse<?> act(HttpRequest<?> request, @Nullable String csrf, long pairId,
                                       StaffForms.Change change) {
        return change(request, csrf, "/work/pairs/" + pairId, change);
    }

    private MutableHttpResponse<?> change(HttpRequest<?> request, @Nullable String csrf, String target,
                                          StaffForms.Change change) {
        return forms.change(request, signedIn(request), csrf, target, change);
    }

    private Optional<Staff> signedIn(HttpRequest<?> request) {
        return session.of(request);
    }

    private Map<String, Object> model(HttpRequest<?> request, Staff me) {
        return forms.model(request, me);
    }

}
