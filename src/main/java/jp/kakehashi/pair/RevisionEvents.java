package jp.kakehashi.pair;

import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.audit.AuditEvent;

/**
 * Which revision each audit event wrote. Revisions carry no event id, but each is written in the
 * transaction of exactly one event, in order: source revision 1 and (for a pair imported with its
 * translation) target revision 1 by {@code create}, each later source revision by a source revision
 * event, each later draft by {@code save_draft}. Counting the events in order therefore names the
 * revisions. Where the counts disagree (history older than this rule), no event is linked rather
 * than a wrong one.
 */
final class RevisionEvents {
    private RevisionEvents() {
    }

    static List<PairHistory.Event> link(List<AuditEvent> audit, int sourceRevisions, int targetRevisions) {
        long sourceEvents = audit.stream().filter(e -> isSource(e.action())).count();
        long draftEvents = audit.stream().filter(e -> Action.SAVE_DRAFT.auditName().equals(e.action())).count();
        boolean createdTranslated = targetRevisions == draftEvents + 1;
        boolean sourcesAgree = sourceRevisions == sourceEvents + 1;
        boolean targetsAgree = createdTranslated || targetRevisions == draftEvents;
        int source = 1;
        int target = createdTranslated ? 1 : 0;
        List<PairHistory.Event> events = new ArrayList<>();
        for (AuditEvent e : audit) {
            String side = null;
            Integer revision = null;
            if ("create".equals(e.action()) && sourcesAgree) {
                side = "source";
                revision = 1;
            } else if (isSource(e.action()) && sourcesAgree) {
                side = "source";
                revision = ++source;
            } else if (Action.SAVE_DRAFT.auditName().equals(e.action()) && targetsAgree) {
                side = "target";
                revision = ++target;
            }
            events.add(new PairHistory.Event(e.id(), e.createdAt(), e.actorName(), e.action(), e.fromStatus(),
                    e.toStatus(), e.reason(), side, revision));
        }
        return events;
    }

    private static boolean isSource(String action) {
        return Action.SOURCE_TYPO.auditName().equals(action) || Action.SOURCE_SUBSTANTIVE.auditName().equals(action);
    }
}
