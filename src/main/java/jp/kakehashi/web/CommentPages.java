package jp.kakehashi.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import jp.kakehashi.comment.CommentCommand;
import jp.kakehashi.comment.CommentView;
import jp.kakehashi.comment.Comments;
import jp.kakehashi.security.Staff;

/** The comment thread on the pair page: writing a comment and deleting one, as forms. */
@Hidden
@Controller("/work/pairs/{id}/comments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class CommentPages {
    private final PageSession session;
    private final StaffForms forms;
    private final Comments comments;

    CommentPages(PageSession session, StaffForms forms, Comments comments) {
        this.session = session;
        this.forms = forms;
        this.comments = comments;
    }

    /** A comment as the page shows it: its view and its text cut into text and links. */
    record Shown(CommentView view, List<LinkedText.Piece> pieces) {
    }

    static List<Shown> thread(Comments comments, long pairId, Staff me) {
        return comments.list(pairId, me).stream().map(c -> new Shown(c, LinkedText.of(c.body()))).toList();
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> add(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        var f = Forms.parse(body);
        String page = "/work/pairs/" + id;
        return forms.change(request, session.of(request), Forms.first(f, "_csrf"), page, page + "#comments",
                me -> comments.add(id, new CommentCommand(Forms.first(f, "body"), segment(Forms.first(f, "segment"))), me));
    }

    /** The sentence chosen in the form; anything but a plain index is the whole pair. */
    private static Integer segment(String chosen) {
        return chosen != null && chosen.matches("\\d{1,6}") ? Integer.valueOf(chosen) : null;
    }

    @Post(uri = "/{commentId}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> delete(HttpRequest<?> request, @PathVariable long id, @PathVariable long commentId,
                                  @Body String body) {
        String page = "/work/pairs/" + id;
        return forms.change(request, session.of(request), Forms.first(Forms.parse(body), "_csrf"), page,
                page + "#comments", me -> {
                    comments.delete(id, commentId, me);
                    return null;
                });
    }
}
