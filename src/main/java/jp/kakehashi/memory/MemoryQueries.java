package jp.kakehashi.memory;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.segment.Segmenter;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.FieldLimits;

/** Checked entry points to the memory: every size bounded, every parameter validated (422). */
@Singleton
public class MemoryQueries {
    static final int MAX_LIMIT = 20;
    static final int MAX_CONCORDANCE = 50;
    static final int MAX_PHRASE = 200;
    private static final int SUGGESTIONS_PER_SEGMENT = 3;
    private final MemoryLookup lookup;
    private final Concordance concordance;
    private final int defaultThreshold;

    MemoryQueries(MemoryLookup lookup, Concordance concordance, @Value("${kakehashi.tm.threshold:70}") int defaultThreshold) {
        this.lookup = lookup;
        this.concordance = concordance;
        this.defaultThreshold = defaultThreshold;
    }

    record Params(String lang, int threshold, int limit) {
    }

    @Serdeable
    public record Suggestions(long pairId, String sourceLang, int threshold, List<SegmentSuggestion> segments) {
    }

    @Serdeable
    public record SegmentSuggestion(int index, String source, List<TmMatch> matches) {
    }

    Params params(@Nullable String text, @Nullable String lang, @Nullable Integer threshold, @Nullable Integer limit) {
        if (text == null || text.isBlank()) {
            throw invalid("text", "text must not be empty");
        }
        FieldLimits.length("text", text, TmEntry.MAX_TEXT);
        return new Params(lang(lang), threshold(threshold), bounded("limit", limit, 5, MAX_LIMIT));
    }

    List<TmMatch> lookup(String text, Params p, @Nullable String previous, @Nullable String next) {
        FieldLimits.length("previous", previous == null ? "" : previous, TmEntry.MAX_TEXT);
        FieldLimits.length("next", next == null ? "" : next, TmEntry.MAX_TEXT);
        String context = previous == null && next == null ? null : Similarity.contextKey(previous, next);
        return lookup.lookup(text, p.lang(), context, p.threshold(), p.limit());
    }

    public Concordance.Result concordance(@Nullable String q, @Nullable String lang, @Nullable Integer limit) {
        if (q == null || q.isBlank()) {
            throw invalid("q", "q must not be empty");
        }
        FieldLimits.length("q", q, MAX_PHRASE);
        return concordance.search(q.strip(), lang(lang), bounded("limit", limit, 20, MAX_CONCORDANCE));
    }

    /** Up to three matches for each sentence of a pair's current source, in context. */
    public Suggestions suggestions(long pairId, String sourceBody, String sourceLang, @Nullable Integer threshold) {
        int t = threshold(threshold);
        List<Segmenter.Segment> segments = Segmenter.split(sourceBody, sourceLang);
        List<SegmentSuggestion> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String text = segments.get(i).text();
            if (text.length() > TmEntry.MAX_TEXT) {
                continue;
            }
            List<TmMatch> matches = lookup.lookup(text, sourceLang, Similarity.contextKey(segments, i), t,
                    SUGGESTIONS_PER_SEGMENT);
            if (!matches.isEmpty()) {
                out.add(new SegmentSuggestion(i, text, matches));
            }
        }
        return new Suggestions(pairId, sourceLang, t, out);
    }

    private int threshold(@Nullable Integer threshold) {
        return bounded("threshold", threshold, defaultThreshold, 100, 50);
    }

    private static String lang(@Nullable String lang) {
        if (!"ja".equals(lang) && !"en".equals(lang)) {
            throw invalid("lang", "lang must be ja or en");
        }
        return lang;
    }

    private static int bounded(String field, @Nullable Integer value, int otherwise, int max) {
        return bounded(field, value, otherwise, max, 1);
    }

    private static int bounded(String field, @Nullable Integer value, int otherwise, int max, int min) {
        int v = value == null ? otherwise : value;
        if (v < min || v > max) {
            throw invalid(field, field + " must be " + min + " … " + max);
        }
        return v;
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.invalidParameter(field, message);
    }
}
