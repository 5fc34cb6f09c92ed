package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.align.Aligner;
import jp.kakehashi.align.Link;

/**
 * A pair as aligned segment rows (source | target), the way a CAT tool shows it: one row per link
 * of the sentence alignment ({@link Aligner}), so a merged sentence is one row with both source
 * sentences, a split one a row with both target sentences, and a sentence left untranslated a
 * row with an empty target. The target is still saved as one text; the rows are a view of it. A
 * row's state follows the pair's workflow: no target sentence → EMPTY, being worked on → DRAFT,
 * submitted → TRANSLATED, approved or released → APPROVED.
 */
public final class SegmentRows {
    private SegmentRows() {
    }

    public enum State { EMPTY, DRAFT, TRANSLATED, APPROVED }

    /** {@code link}: the alignment link in the judged set's notation, e.g. {@code 0+1=0}. */
    @Serdeable
    public record Row(int index, @Nullable String source, @Nullable String target, State state, String link) {
    }

    @Serdeable
    public record View(long pairId, long version, List<Row> rows) {
    }

    public static View of(PairView pair, Aligner aligner) {
        Aligner.Alignment alignment = pair.alignment(aligner);
        State filled = state(pair.status());
        List<Row> rows = new ArrayList<>();
        for (Link l : alignment.links()) {
            String s = l.sources() == 0 ? null : alignment.sourceOf(l);
            String t = l.targets() == 0 ? null : alignment.targetOf(l);
            rows.add(new Row(rows.size(), s, t, t == null ? State.EMPTY : filled, l.toString()));
        }
        return new View(pair.id(), pair.version(), rows);
    }

    static State state(PairStatus status) {
        return switch (status) {
            case SUBMITTED -> State.TRANSLATED;
            case APPROVED, RELEASED -> State.APPROVED;
            default -> State.DRAFT;
        };
    }
}
