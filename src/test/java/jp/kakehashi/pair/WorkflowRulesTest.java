package jp.kakehashi.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.pair.Decision.Allowed;
import jp.kakehashi.pair.Decision.Refusal;
import jp.kakehashi.pair.Decision.Refused;
import jp.kakehashi.security.User.Role;
import org.junit.jupiter.api.Test;

/**
 * Every state × action × kind of person, against the table of docs/design/workflow.md written out again here
 * as data, independently of how {@link WorkflowRules} is coded.
 */
class WorkflowRulesTest {
    /** from → action → to, exactly the rows of docs/design/workflow.md (SOURCE_TYPO keeps every state). */
    static final Map<PairStatus, Map<Action, PairStatus>> TABLE = new java.util.EnumMap<>(PairStatus.class);

    static {
        for (PairStatus s : PairStatus.values()) {
            TABLE.put(s, new java.util.EnumMap<>(Action.class));
            TABLE.get(s).put(Action.SOURCE_TYPO, s);
            if (s != PairStatus.CANCELLED) {
                TABLE.get(s).put(Action.SOURCE_SUBSTANTIVE, PairStatus.OUTDATED);
            }
            if (s != PairStatus.CANCELLED && s != PairStatus.RELEASED) {
                TABLE.get(s).put(Action.CANCEL, PairStatus.CANCELLED);
            }
        }
        TABLE.get(PairStatus.UNASSIGNED).putAll(Map.of(Action.CLAIM, PairStatus.CLAIMED, Action.ASSIGN, PairStatus.CLAIMED));
        TABLE.get(PairStatus.CLAIMED).putAll(Map.of(Action.SAVE_DRAFT, PairStatus.CLAIMED,
                Action.UNCLAIM, PairStatus.UNASSIGNED, Action.EXPIRE, PairStatus.UNASSIGNED,
                Action.TAKEOVER, PairStatus.CLAIMED, Action.SUBMIT, PairStatus.SUBMITTED));
        TABLE.get(PairStatus.SUBMITTED).putAll(Map.of(Action.APPROVE, PairStatus.APPROVED,
                Action.REJECT, PairStatus.CHANGES_REQUESTED));
        TABLE.get(PairStatus.CHANGES_REQUESTED).put(Action.RESUME, PairStatus.CLAIMED);
        TABLE.get(PairStatus.APPROVED).putAll(Map.of(Action.UNAPPROVE, PairStatus.SUBMITTED,
                Action.RELEASE_BULLETIN, PairStatus.RELEASED));
        TABLE.get(PairStatus.RELEASED).put(Action.RETRACT_BULLETIN, PairStatus.APPROVED);
        TABLE.get(PairStatus.OUTDATED).putAll(Map.of(Action.CLAIM, PairStatus.CLAIMED, Action.CONFIRM, PairStatus.OUTDATED));
        TABLE.get(PairStatus.CANCELLED).put(Action.REOPEN, PairStatus.UNASSIGNED);
    }

    /** Who may do an action at all, given the right state (holder/submitter cases aside). */
    static final Set<Action> TRANSLATOR_ACTIONS = EnumSet.of(Action.CLAIM);
    static final Set<Action> HOLDER_ACTIONS = EnumSet.of(Action.SAVE_DRAFT, Action.UNCLAIM, Action.SUBMIT);

    record Person(String name, Set<Role> roles, boolean member) {
    }

    static List<Person> people() {
        List<Person> list = new ArrayList<>();
        for (boolean member : new boolean[] {true, false}) {
            list.add(new Person("translator", Set.of(Role.TRANSLATOR), member));
            list.add(new Person("editor", Set.of(Role.EDITOR), member));
            list.add(new Person("admin", Set.of(Role.ADMIN), member));
            list.add(new Person("nobody", Set.of(), member));
        }
        return list;
    }

    @Test
    void everyStateActionAndPersonGetsTheDecisionOfTheTable() {
        int checked = 0;
        for (PairStatus from : PairStatus.values()) {
            for (Action action : Action.values()) {
                for (Person p : people()) {
                    for (int relation = 0; relation < 8; relation++) {
                        boolean holder = (relation & 1) != 0;
                        boolean submitter = (relation & 2) != 0;
                        boolean leaseActive = (relation & 4) != 0;
                        Subject who = new Subject(p.roles(), p.member(), holder, submitter, leaseActive, false, false, true);
                        Decision d = WorkflowRules.decide(from, action, who);
                        PairStatus expectedTo = TABLE.get(from).get(action);
                        checked++;
                        if (expectedTo == null) {
                            assertEquals(new Refused(Refusal.WRONG_STATE), d, from + " " + action);
                            continue;
                        }
                        boolean translator = p.member() && !p.roles().isEmpty() && !p.roles().equals(Set.of(Role.ADMIN));
                        boolean editor = p.member() && p.roles().contains(Role.EDITOR);
                        Refusal expected;
                        if (action == Action.EXPIRE) {
                            expected = Refusal.FORBIDDEN;
                        } else if (TRANSLATOR_ACTIONS.contains(action)) {
                            expected = translator ? null : Refusal.FORBIDDEN;
                        } else if (HOLDER_ACTIONS.contains(action)) {
                            boolean ok = action == Action.SUBMIT ? translator && holder : editor || (translator && holder);
                            expected = ok ? null : translator ? Refusal.NOT_HOLDER : Refusal.FORBIDDEN;
                        } else if (action == Action.RESUME) {
                            expected = translator && (submitter || !leaseActive) ? null
                                    : translator ? Refusal.NOT_HOLDER : Refusal.FORBIDDEN;
                        } else if (action == Action.APPROVE) {
                            expected = !editor ? Refusal.FORBIDDEN : submitter ? Refusal.FOUR_EYES : null;
                        } else {
                            expected = editor ? null : Refusal.FORBIDDEN;
                        }
                        String what = from + " " + action + " by " + p + " holder=" + holder + " submitter=" + submitter;
                        if (expected == null) {
                            assertEquals(new Allowed(expectedTo, action == Action.CONFIRM), d, what);
                        } else {
                            assertEquals(new Refused(expected), d, what);
                        }
                    }
                }
            }
        }
        assertEquals(PairStatus.values().length * Action.values().length * 8 * 8, checked);
    }

    @Test
    void actionsThatNeedAReasonAreRefusedWithoutOne() {
        Subject editorWithoutReason = new Subject(Set.of(Role.EDITOR), true, false, false, true, false, false, false);
        for (Action action : Action.values()) {
            for (PairStatus from : PairStatus.values()) {
                Decision d = WorkflowRules.decide(from, action, editorWithoutReason);
                if (action.needsReason() && WorkflowRules.target(from, action) != null) {
                    assertEquals(new Refused(Refusal.REASON_REQUIRED), d, from + " " + action);
                }
            }
        }
        assertEquals(EnumSet.of(Action.TAKEOVER, Action.REJECT, Action.UNAPPROVE, Action.RETRACT_BULLETIN,
                Action.WITHDRAW_BULLETIN, Action.CONFIRM, Action.CANCEL), EnumSet.copyOf(java.util.Arrays.stream(Action.values())
                .filter(Action::needsReason).toList()));
    }

    @Test
    void anOfficeThatAllowsSelfApprovalLetsTheSubmittingEditorApprove() {
        Subject self = new Subject(Set.of(Role.EDITOR), true, false, true, false, true, false, true);
        assertInstanceOf(Allowed.class, WorkflowRules.decide(PairStatus.SUBMITTED, Action.APPROVE, self));
    }

    @Test
    void onlyTheSchedulerExpiresClaimsAndItMayMarkSourcesOutdated() {
        assertEquals(new Allowed(PairStatus.UNASSIGNED, false),
                WorkflowRules.decide(PairStatus.CLAIMED, Action.EXPIRE, Subject.scheduler()));
        assertEquals(new Allowed(PairStatus.OUTDATED, false),
                WorkflowRules.decide(PairStatus.RELEASED, Action.SOURCE_SUBSTANTIVE, Subject.scheduler()));
        assertEquals(new Refused(Refusal.FORBIDDEN),
                WorkflowRules.decide(PairStatus.UNASSIGNED, Action.CLAIM, Subject.scheduler()));
    }
}
