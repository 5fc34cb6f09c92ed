package jp.kakehashi.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import java.net.URI;
import java.util.List;
import jp.kakehashi.http.ETags;
import jp.kakehashi.security.StaffLookup;

/** A pair's comment thread over HTTP, for staff. */
@Controller("/api/v1/pairs/{id}/comments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class CommentController {
    private final Comments comments;
    private final StaffLookup staff;

    CommentController(Comments comments, StaffLookup staff) {
        this.comments = comments;
        this.staff = staff;
    }

    @Get
    List<CommentView> list(@PathVariable long id, @Nullable Authentication auth) {
        return comments.list(id, staff.require(auth));
    }

    /** {@code @username} names a colleague (kept in {@code mentions}); {@code segment}: a source sentence. */
    @Post
    HttpResponse<CommentView> add(@PathVariable long id, @Body CommentCommand c, @Nullable Authentication auth) {
        CommentView v = comments.add(id, c, staff.require(auth));
        return HttpResponse.created(v, URI.create("/api/v1/pairs/" + id + "/comments/" + v.id()))
                .header("ETag", ETags.of(v.version()));
    }

    @Put("/{commentId}")
    HttpResponse<CommentView> edit(@PathVariable long id, @PathVariable long commentId, @Body CommentCommand c,
                                   @Nullable @Header("If-Match") String ifMatch, @Nullable Authentication auth) {
        CommentView v = comments.edit(id, commentId, c, ETags.required(ifMatch), staff.require(auth));
        return HttpResponse.ok(v).header("ETag", ETags.of(v.version()));
    }

    @Delete("/{commentId}")
    HttpResponse<Void> delete(@PathVariable long id, @PathVariable long commentId, @Nullable Authentication auth) {
        comments.delete(id, commentId, staff.require(auth));
        return HttpResponse.noContent();
    }
}
