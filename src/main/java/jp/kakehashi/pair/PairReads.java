package jp.kakehashi.pair;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.security.UserRepository;

/**
 * What one pair change, or one list of pair views, has read: the last source and target revision
 * and people's names, so that its answer does not read them again. A revision never changes once
 * written (a new text is a new revision), so one read inside a change's transaction is still right
 * when the answer is built after its commit. Lives for one attempt at a change (a run again after a
 * lost conflict starts with a new one) or one list; never shared between requests.
 */
final class PairReads {
    private final SourceRevisionRepository sources;
    private final TargetRevisionRepository targets;
    private final UserRepository users;
    private final Map<Long, String> names;
    private SourceRevision source;
    private TargetRevision target;

    PairReads(SourceRevisionRepository sources, TargetRevisionRepository targets, UserRepository users,
              Map<Long, String> names) {
        this.sources = sources;
        this.targets = targets;
        this.users = users;
        this.names = names;
    }

    PairReads(SourceRevisionRepository sources, TargetRevisionRepository targets, UserRepository users) {
        this(sources, targets, users, new HashMap<>());
    }

    /** The person acting: their name is known without a read. */
    PairReads knowing(Staff who) {
        names.put(who.id(), who.username());
        return this;
    }

    SourceRevision source(long pairId, int revision) {
        if (source == null || source.pairId() != pairId || source.revision() != revision) {
            source = sources.findByPairIdAndRevision(pairId, revision).orElseThrow(() ->
                    new IllegalStateException("Pair " + pairId + " lost its source revision " + revision));
        }
        return source;
    }

    Optional<TargetRevision> target(long pairId, int revision) {
        if (target == null || target.pairId() != pairId || target.revision() != revision) {
            Optional<TargetRevision> read = targets.findByPairIdAndRevision(pairId, revision);
            read.ifPresent(t -> target = t);
            return read;
        }
        return Optional.of(target);
    }

    String name(long userId) {
        return names.computeIfAbsent(userId, id -> users.findById(id).map(User::username).orElse("?"));
    }
}
