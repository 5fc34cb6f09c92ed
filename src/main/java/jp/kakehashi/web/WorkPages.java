package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import jp.kakehashi.bulletin.BulletinReader;
import jp.kakehashi.bulletin.PairRepository;
import jp.kakehashi.bulletin.PairStatus;
import jp.kakehashi.bulletin.PairView;
import jp.kakehashi.bulletin.TargetRevision;
import jp.kakehashi.bulletin.TargetRevisionRepository;
import jp.kakehashi.glossary.TermIndex;
import jp.kakehashi.i18n.Messages;
import jp.kakehashi.security.Staff;
import jp.kakehashi.segment.SegmentRows;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.workflow.Action;
import jp.kakehashi.workflow.BulletinRelease;
import jp.kakehashi.workflow.PairHistory;
import jp.kakehashi.workflow.PairWorkflow;
import jp.kakehashi.workflow.QaReview;
import jp.kakehashi.memory.MemoryQueries;
import jp.kakehashi.workflow.Revisions;
import jp.kakehashi.workflow.SourceDiff;
import jp.kakehashi.workflow.TextCommands.SaveTargetCommand;
import jp.kakehashi.workflow.WorkflowRules;

/**
 * Translators' and editors' pages: the work queue, a pair with its source beside the draft and the
 * actions its state allows, and bulletin release. Every action goes through the same services as
 * the API (same rules, same locking); a refusal comes back as the localised problem title.
 */
@Controller("/work")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class WorkPages {
    private static final Pageable FIFTY = Pageable.from(0, 50);
    private final PageSession session;
    private final StaffForms forms;
    private final PairRepository pairs;
    private final BulletinReader reader;
    private final TargetRevisionRepository targets;
    private final PairWorkflow workflow;
    private final Revisions revisions;
    private final BulletinRelease releases;
    private final PairHistory history;
    private final Messages messages;
    private final PageLocale locales;
    private final QaReview review;
    private final TermIndex terms;
    private final MemoryQueries memory;

    WorkPages(PageSession session, StaffForms forms, PairRepository pairs, BulletinReader reader, TargetRevisionRepository targets, PairWorkflow workflow,
              Revisions revisions, BulletinRelease releases, PairHistory history, Messages messages,
              PageLocale locales, QaReview review, TermIndex terms, MemoryQueries memory) {
        this.review = review;
        this.memory = memory;
        this.terms = terms;
        this.session = session;
        this.forms = forms;
        this.pairs = pairs;
        this.reader = reader;
        this.targets = targets;
        this.workflow = workflow;
        this.revisions = revisions;
        this.releases = releases;
        this.history = history;
        this.messages = messages;
        this.locales = locales;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> queue(HttpRequest<?> request) {
        Optional<Staff> me = signedIn(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = model(request, me.get());
        List<String> offices = List.copyOf(me.get().offices());
        model.put("mine", pairs.findByAssigneeIdAndStatusInOrderById(me.get().id(),
                List.of(PairStatus.CLAIMED, PairStatus.CHANGES_REQUESTED)));
        model.put("open", offices.isEmpty() ? List.of() : pairs.findByOfficeCodeInAndStatusIn(offices,
                List.of(PairStatus.UNASSIGNED, PairStatus.OUTDATED), FIFTY).getContent());
        model.put("review", offices.isEmpty() || !me.get().has(User.Role.EDITOR) ? List.of()
                : pairs.findByOfficeCodeInAndStatusIn(offices, List.of(PairStatus.SUBMITTED, PairStatus.APPROVED),
                FIFTY).getContent());
        return HttpResponse.ok(new ModelAndView<>("work", model));
    }

    @Get(uri = "/pairs/{id}{?error,qa}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> pair(HttpRequest<?> request, @PathVariable long id, @Nullable String error,
                                @Nullable List<String> qa) {
        Optional<Staff> me = signedIn(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = model(request, me.get());
        var pair = reader.pair(id, true).orElseThrow(() -> ApiException.notFound("Pair " + id));
        model.put("pair", pair);
        model.put("warnings", review.report(pair).issues());
        model.put("mayAcknowledge", me.get().editorOf(pair.office()));
        model.put("suggestions", suggestions(pair));
        model.put("segments", SegmentRows.of(pair).rows());
        model.put("terms", terms.hits(pair.source().body(), pair.sourceLang(), pair.office()));
        model.put("history", history.of(id));
        // what the table has a row for in this state; the rules still decide (a translator pressing
        // approve gets 403). Assigning needs a person to name, which these buttons do not ask for.
        model.put("actions", WorkflowRules.offered(pair.status()).stream().filter(a -> !a.needsAssignee()).toList());
        model.put("draftDiff", draftDiff(id));
        model.put("error", error);
        model.put("qa", qa == null ? List.of() : qa.stream().filter(c -> c.matches("[A-Z_]{1,40}")).toList());
        return HttpResponse.ok(new ModelAndView<>("pair", model));
    }

    @Get(uri = "/bulletins/{id}{?error}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> bulletin(HttpRequest<?> request, @PathVariable long id, @Nullable String error) {
        Optional<Staff> me = signedIn(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, Object> model = model(request, me.get());
        model.put("bulletin", reader.bulletin(id, true));
        model.put("error", error);
        return HttpResponse.ok(new ModelAndView<>("work-bulletin", model));
    }

    /** Memory suggestions; while the memory index is still opening the page shows none rather than failing. */
    private List<MemoryQueries.SegmentSuggestion> suggestions(PairView pair) {
        try {
            return memory.suggestions(pair, null).segments();
        } catch (ApiException unavailable) {
            return List.of();
        }
    }

    /** What the translator changed since the previous draft, for the reviewer. */
    private List<SourceDiff.Op> draftDiff(long pairId) {
        List<TargetRevision> drafts = targets.findByPairIdOrderByRevision(pairId);
        if (drafts.size() < 2) {
            return List.of();
        }
        TargetRevision before = drafts.get(drafts.size() - 2);
        TargetRevision after = drafts.getLast();
        return SourceDiff.between(before.title() + "\n" + before.body(), after.title() + "\n" + after.body());
    }

    @Post(uri = "/pairs/{id}/save", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @PathVariable long id, @Nullable String title,
                                @Nullable String body, @Nullable Long version, @Nullable String _csrf) {
        return act(request, _csrf, id, me -> revisions.saveDraft(id, me, version == null ? -1 : version,
                new SaveTargetCommand(title, body)));
    }

    /** The pair page's script saves here while the translator types: JSON, so the page stays put. */
    @Post(uri = "/pairs/{id}/autosave", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> autosave(HttpRequest<?> request, @PathVariable long id, @Nullable String title,
                                    @Nullable String body, @Nullable Long version, @Nullable String _csrf) {
        Optional<Staff> me = signedIn(request);
        Locale locale = locales.of(request, null);
        if (me.isEmpty() || !Csrf.valid(request, _csrf)) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN).body(Map.of("code", "FORBIDDEN",
                    "title", messages.format(locale, "problem.FORBIDDEN", Map.of())));
        }
        try {
            var saved = revisions.saveDraft(id, me.get(), version == null ? -1 : version,
                    new SaveTargetCommand(title, body));
            return HttpResponse.ok(Map.of("version", saved.version(), "leaseExpiresAt",
                    String.valueOf(saved.leaseExpiresAt())));
        } catch (ApiException e) {
            return HttpResponse.status(e.code().status()).body(Map.of("code", e.code().name(),
                    "title", messages.format(locale, "problem." + e.code().name(), Map.of())));
        }
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
        return act(request, _csrf, id, me -> review.acknowledge(id, me, new QaReview.AcknowledgeCommand(code, detail,
                reason)));
    }

    @Post(uri = "/bulletins/{id}/release", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> release(HttpRequest<?> request, @PathVariable long id, @Nullable Long pair,
                                   @Nullable String _csrf) {
        String target = pair == null ? "/work/bulletins/" + id : "/work/pairs/" + pair;
        return change(request, _csrf, target, me -> releases.release(id, me, null));
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
