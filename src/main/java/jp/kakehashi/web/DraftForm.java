package jp.kakehashi.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakehashi.pair.TextCommands.SaveTargetCommand;
import jp.kakehashi.pair.TextCommands.SegmentText;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * The pair page's two draft forms as one command. The segment editor sends a {@code segment} field per
 * row with the row's source sentences in {@code sources} beside it; the free-text form sends
 * {@code body}. Both send the title and one {@code caption} field per source caption (none: kept).
 */
final class DraftForm {
    private DraftForm() {
    }

    static SaveTargetCommand command(Map<String, List<String>> f) {
        List<String> captions = f.containsKey("caption") ? Forms.all(f, "caption") : null;
        if (!f.containsKey("segment")) {
            return new SaveTargetCommand(Forms.first(f, "title"), Forms.first(f, "body"), null, captions);
        }
        List<String> texts = Forms.all(f, "segment");
        List<String> sources = Forms.all(f, "sources");
        if (texts.size() != sources.size()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Each segment needs its sources field")
                    .with("field", "segments");
        }
        List<SegmentText> segments = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            segments.add(new SegmentText(sources.get(i), texts.get(i)));
        }
        return new SaveTargetCommand(Forms.first(f, "title"), null, null, captions, segments);
    }

    static long version(Map<String, List<String>> f) {
        String v = Forms.first(f, "version");
        return v != null && v.matches("\\d{1,18}") ? Long.parseLong(v) : -1;
    }

    /** Where a form of the page goes back to: the free-text view stays in free text. */
    static String back(long pairId, Map<String, List<String>> f) {
        return "/work/pairs/" + pairId + ("text".equals(Forms.first(f, "mode")) ? "?mode=text" : "");
    }
}
