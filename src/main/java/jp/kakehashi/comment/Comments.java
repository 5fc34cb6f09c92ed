package jp.kakehashi.comment;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.kakehashi.audit.AuditEvent;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.pair.PairRepository;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;

/**
 * Staff's thread beside a pair. Anyone on the staff may read and write it (a question to another
 * office's translator is what it is for); its author may correct a comment for a while after
 * writing it; the author then, and the pair's office's editors and administrators always, may
 * delete it. Each comment and deletion is an audit event, so the pair's history shows them in turn
 * with the workflow. Readers never see comments: no reader route reads them.
 */
@Singleton
public class Comments {
    static final int MAX_BODY = 4000;
    static final int MAX_PER_PAIR = 500;
    private static final int EXCERPT = 200;
    private final CommentRepository comments;
    private final PairRepository pairs;
    private final AuditRepository audit;
    private final StaffLookup staff;
    private final Duration editWindow;
    private final ApplicationEventPublisher<Commented> commented;

    Comments(CommentRepository comments, PairRepository pairs, AuditRepository audit, StaffLookup staff,
             @Value("${kakehashi.comments.edit-window:15m}") Duration editWindow,
             ApplicationEventPublisher<Commented> commented) {
        this.commented = commented;
        this.comments = comments;
        this.pairs = pairs;
        this.audit = audit;
        this.staff = staff;
        this.editWindow = editWindow;
    }

    @Transactional(readOnly = true)
    public List<CommentView> list(long pairId, Staff who) {
        Pair p = pair(pairId);
        Instant now = Instant.now();
        return comments.findByPairIdOrderById(pairId).stream().map(c -> view(c, p, who, now)).toList();
    }

    @Transactional
    public CommentView add(long pairId, CommentCommand c, Staff who) {
        Pair p = pair(pairId);
        String body = body(c.body());
        if (c.segment() != null && (c.segment() < 0 || c.segment() > FieldLimits.MAX_LINKS)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "segment is a source sentence's index")
                    .with("field", "segment");
        }
        if (comments.countByPairId(pairId) >= MAX_PER_PAIR) {
            throw new ApiException(ErrorCode.TOO_MANY_ITEMS, "A pair holds at most " + MAX_PER_PAIR + " comments");
        }
        Instant now = Instant.now();
        Set<String> named = Mentions.in(body, name -> staff.active(name).isPresent());
        Comment saved = comments.save(new Comment(null, pairId, c.segment(), who.id(), who.username(), body,
                String.join(" ", named), now, null, null, null, null));
        audit.save(new AuditEvent(null, p.bulletinId(), pairId, who.id(), who.username(), "comment", null, null,
                excerpt(body), null));
        commented.publishEvent(new Commented(pairId, p.bulletinId(), who.actor(), excerpt(body), named));
        return view(saved, p, who, now);
    }

    @Transactional
    public CommentView edit(long pairId, long id, CommentCommand c, long expectedVersion, Staff who) {
        Pair p = pair(pairId);
        Comment existing = comment(pairId, id);
        Instant now = Instant.now();
        if (!mayEdit(existing, who, now)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "A comment is corrected by its author, within "
                    + editWindow.toMinutes() + " minutes of writing it");
        }
        if (existing.version() == null || existing.version() != expectedVersion) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, "The comment changed since it was read");
        }
        String body = body(c.body());
        Comment saved = comments.update(existing.edited(body, mentions(body), now));
        return view(saved, p, who, now);
    }

    @Transactional
    public void delete(long pairId, long id, Staff who) {
        Pair p = pair(pairId);
        Comment existing = comment(pairId, id);
        if (!mayDelete(existing, p, who, Instant.now())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "A comment is deleted by its author while it may still be"
                    + " corrected, or by an editor of the pair's office");
        }
        comments.update(existing.deletedBy(who.username(), Instant.now()));
        audit.save(new AuditEvent(null, p.bulletinId(), pairId, who.id(), who.username(), "comment_delete", null,
                null, null, null));
    }

    private CommentView view(Comment c, Pair p, Staff who, Instant now) {
        return CommentView.of(c, mayEdit(c, who, now), mayDelete(c, p, who, now));
    }

    private boolean mayEdit(Comment c, Staff who, Instant now) {
        return !c.deleted() && c.authorId() == who.id() && now.isBefore(c.createdAt().plus(editWindow));
    }

    private boolean mayDelete(Comment c, Pair p, Staff who, Instant now) {
        return !c.deleted() && (who.has(User.Role.ADMIN) || who.editorOf(p.officeCode()) || mayEdit(c, who, now));
    }

    private Pair pair(long id) {
        return pairs.findById(id).orElseThrow(() -> ApiException.notFound("Pair " + id));
    }

    /** A deleted comment is gone for changes: 404 as for one that never was. */
    private Comment comment(long pairId, long id) {
        return comments.findById(id).filter(c -> c.pairId() == pairId && !c.deleted())
                .orElseThrow(() -> ApiException.notFound("Comment " + id));
    }

    private String mentions(String body) {
        return String.join(" ", Mentions.in(body, name -> staff.active(name).isPresent()));
    }

    /** Stored as written (NFC), stripped; control characters other than line breaks and tabs are dropped. */
    static String body(String raw) {
        String b = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
        if (b.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "body is required").with("field", "body");
        }
        FieldLimits.length("body", b, MAX_BODY);
        return b;
    }

    private static String excerpt(String body) {
        return FieldLimits.clip(body.replaceAll("\\s+", " "), EXCERPT);
    }
}
