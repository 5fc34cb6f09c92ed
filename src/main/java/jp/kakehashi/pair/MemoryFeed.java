package jp.kakehashi.pair;

import jakarta.inject.Singleton;
import java.util.List;
import jp.kakehashi.memory.TranslationMemory;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.security.UserRepository;

/** Feeds an approval to the translation memory, inside the approval's transaction. */
@Singleton
class MemoryFeed {
    private final TranslationMemory memory;
    private final UserRepository users;

    MemoryFeed(TranslationMemory memory, UserRepository users) {
        this.memory = memory;
        this.users = users;
    }

    void approved(Pair p, Staff approver, PairReads reads) {
        if (p.targetRevision() == 0) {
            return;
        }
        var source = reads.source(p.id(), p.sourceRevision());
        var target = reads.target(p.id(), p.targetRevision()).orElseThrow();
        String translator = p.lastSubmitterId() == null ? approver.username()
                : users.findById(p.lastSubmitterId()).map(User::username).orElse(approver.username());
        memory.remember(new TranslationMemory.Approved(p.id(), p.officeCode(), p.sourceLang(), p.targetLang(),
                source.title(), source.body(), target.title(), target.body(), translator, approver.username(),
                target.links() == null ? null : List.of(target.links().split(" ")), source.captions(),
                target.captions()));
    }
}
