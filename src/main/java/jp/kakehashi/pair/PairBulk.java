package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.kakehashi.database.ConflictRetries;
import jp.kakehashi.security.Staff;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * One action on a selection of pairs (assign, give back, cancel, approve), all or nothing. Each pair
 * goes the way it goes alone ({@link PairWorkflow#act}: the rules, four eyes, its audit event, its
 * outbox row, the memory), all inside one transaction; the first refusal rolls back the pairs before
 * it and is answered as it would be alone, naming its pair ({@code pairId}).
 */
@Singleton
public class PairBulk {
    public static final int MAX_PAIRS = 200;
    /** What people do to many pairs at once; the rest wants a look at each pair first. */
    public static final Set<Action> ACTIONS = EnumSet.of(Action.ASSIGN, Action.UNCLAIM, Action.CANCEL,
            Action.APPROVE);
    private final PairWorkflow workflow;
    private final ConflictRetries retries;

    PairBulk(PairWorkflow workflow, ConflictRetries retries) {
        this.workflow = workflow;
        this.retries = retries;
    }

    @Serdeable
    public record BulkCommand(@Nullable String action, @Nullable List<Long> pairs, @Nullable String reason,
                              @Nullable String assignee) {
    }

    @Serdeable
    public record BulkView(String action, List<PairView> pairs) {
    }

    public BulkView act(BulkCommand c, Staff who) {
        Action action = c.action() == null ? null : Action.ofEndpoint(c.action()).filter(ACTIONS::contains)
                .orElse(null);
        if (action == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "action must be one of assign, unclaim, cancel,"
                    + " approve").with("field", "action");
        }
        List<Long> ids = c.pairs() == null ? List.of() : c.pairs();
        if (ids.isEmpty() || ids.size() > MAX_PAIRS || ids.contains(null) || new HashSet<>(ids).size() != ids.size()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "pairs must list 1 to " + MAX_PAIRS
                    + " distinct pair ids").with("field", "pairs");
        }
        List<PairView> done = retries.write("bulk " + action.endpoint(),
                () -> ids.stream().map(id -> one(id, action, who, c)).toList());
        return new BulkView(action.endpoint(), done);
    }

    private PairView one(long id, Action action, Staff who, BulkCommand c) {
        try {
            return workflow.act(id, action, who, c.reason(), null, c.assignee());
        } catch (ApiException e) {
            throw e.with("pairId", id);
        }
    }
}
