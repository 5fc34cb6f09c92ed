package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.segment.Segmenter;

/**
 * A pair as aligned segment rows (source | target), the way a CAT tool shows it. Alignment is by
 * position: translators of these bulletins keep sentence order, and a merged or split sentence
 * shows as an empty cell the translator sees at once. The target is still saved as one text; the
 * rows are a view of it. A row's state follows the pair's workflow: no target sentence → EMPTY,
 * being worked on → DRAFT, submitted → TRANSLATED, approved or released → APPROVED.
 */
public final class SegmentRows {
    private SegmentRows() {
    }

    public enum State { EMPTY, DRAFT, TRANSLATED, APPROVED }

    @Serdeable
    public record Row(int index, @Nullable String source, @Nullable String target, State state) {
    }

    @Serdeable
    public record View(long pairId, long version, List<Row> rows) {
    }

    public static View of(PairView pair) {
        List<Segmenter.Segment> source = Segmenter.split(pair.source().body(), pair.sourceLang());
        List<Segmenter.Segment> target = pair.target() == null ? List.of()
                : Segmenter.split(pair.target().body(), pair.targetLang());
        State filled = state(pair.status());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(source.size(), target.size()); i++) {
            String s = i < source.size() ? source.get(i).text() : null;
            String t = i < target.size() ? target.get(i).text() : null;
            rows.add(new Row(i, s, t, t == null ? State.EMPTY : filled));
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
