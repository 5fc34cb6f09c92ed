package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.kakehashi.align.Aligner;
import jp.kakehashi.align.Link;
import jp.kakehashi.align.StandAlone;

/**
 * A pair as aligned segment rows (source | target), the way a CAT tool shows it: one row per link
 * of the sentence alignment ({@link Aligner}), so a merged sentence is one row with both source
 * sentences, a split one a row with both target sentences, and a sentence left untranslated a
 * row with an empty target. The target is still saved as one text; the rows are a view of it. A
 * row's state follows the pair's workflow: no target sentence → EMPTY, being worked on → DRAFT,
 * submitted → TRANSLATED, approved or released → APPROVED. A draft made for an earlier source
 * revision is shown carried over to the current one ({@link jp.kakehashi.align.CarryOver}).
 */
public final class SegmentRows {
    private SegmentRows() {
    }

    public enum State { EMPTY, DRAFT, TRANSLATED, APPROVED }

    /**
     * {@code link}: the alignment link in the judged set's notation, e.g. {@code 0+1=0}.
     * {@code changed}: the source revision since the draft changed this row's source, so it needs work.
     * {@code role}: ATTRIBUTION, LINK_TEXT or CAPTION for a line translated on its own, else null.
     */
    @Serdeable
    public record Row(int index, @Nullable String source, @Nullable String target, State state, String link,
                      boolean changed, @Nullable StandAlone.Role role) {
    }

    @Serdeable
    public record View(long pairId, long version, List<Row> rows) {
    }

    /** {@code changedSources}: indexes of source sentences a revision changed since the draft. */
    public static View of(PairView pair, Aligner.Alignment alignment, Set<Integer> changedSources) {
        State filled = state(pair.status());
        List<Row> rows = new ArrayList<>();
        for (Link l : alignment.links()) {
            String s = l.sources() == 0 ? null : alignment.sourceOf(l);
            String t = l.targets() == 0 ? null : alignment.targetOf(l);
            boolean changed = false;
            for (int i = l.sourceFrom(); i < l.sourceTo(); i++) {
                changed |= changedSources.contains(i);
            }
            StandAlone.Role role = s != null ? StandAlone.role(s, pair.sourceLang()).orElse(null)
                    : StandAlone.role(t, pair.targetLang()).orElse(null);
            rows.add(new Row(rows.size(), s, t, t == null ? State.EMPTY : filled, l.toString(), changed, role));
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
