package jp.kakehashi.pair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import jp.kakehashi.align.Aligner;
import jp.kakehashi.align.CarryOver;
import jp.kakehashi.align.Composition;
import jp.kakehashi.align.Link;
import jp.kakehashi.glossary.TermIndex;
import jp.kakehashi.memory.MemoryQueries;
import jp.kakehashi.qa.Draft;
import jp.kakehashi.qa.DraftChecks;
import jp.kakehashi.qa.QaChecks;
import jp.kakehashi.qa.QaReview;
import jp.kakehashi.security.Staff;
import jp.kakehashi.segment.Segmenter;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;

/**
 * What a translator or editor works with beside one pair: its sentences aligned, memory suggestions,
 * glossary terms, the QA report, the last change of the draft. The API serves each part on its own
 * and the pair page all of them, from here, so both show the same thing. The aids below the pair
 * (memory, glossary, QA) are given texts, never a pair: they do not depend on this package.
 */
@Singleton
public class PairDesk {
    private final PairReader reader;
    private final QaReview review;
    private final TermIndex terms;
    private final MemoryQueries memory;
    private final TargetRevisionRepository targets;
    private final PairHistory history;
    private final Aligner aligner;
    private final DraftChecks checks;
    private final SourceRevisionRepository sources;

    PairDesk(PairReader reader, QaReview review, TermIndex terms, MemoryQueries memory,
             TargetRevisionRepository targets, PairHistory history, Aligner aligner, DraftChecks checks, SourceRevisionRepository sources) {
        this.sources = sources;
        this.aligner = aligner;
        this.checks = checks;
        this.reader = reader;
        this.review = review;
        this.terms = terms;
        this.memory = memory;
        this.targets = targets;
        this.history = history;
    }

    @Serdeable
    public record Terms(List<TermIndex.Hit> source, List<TermIndex.Hit> target) {
    }

    /** The pair page's whole model; {@code suggestions} is empty while the memory is being indexed. */
    public record Desk(PairView pair, QaReview.Report qa, List<MemoryQueries.SegmentSuggestion> suggestions,
                       SegmentRows.View segments, SegmentEditor.View editor, Terms terms,
                       PairHistory.HistoryView history, List<SourceDiff.Op> draftDiff, List<Action> actions) {
    }

    public PairView pair(long id) {
        return reader.pair(id, true).orElseThrow(() -> ApiException.notFound("Pair " + id));
    }

    public Desk desk(long id) {
        PairView pair = pair(id);
        List<MemoryQueries.SegmentSuggestion> suggestions;
        try {
            suggestions = suggestions(pair, null).segments();
        } catch (ApiException e) {
            // The page is still worth showing while the memory index opens; anything else is an error.
            if (e.code() != ErrorCode.SEARCH_UNAVAILABLE) {
                throw e;
            }
            suggestions = List.of();
        }
        SegmentRows.View segments = segments(pair);
        Terms terms = terms(pair);
        return new Desk(pair, qa(pair), suggestions, segments, SegmentEditor.of(segments, pair.source().body(),
                pair.sourceLang(), suggestions, terms.source()), terms, history.of(id), draftDiff(id),
                WorkflowRules.offered(pair.status()));
    }

    /**
     * A draft made for an earlier source revision (the pair is or was OUTDATED) is shown carried over:
     * unchanged sentences keep their translation, changed ones are empty and marked. Nothing is stored
     * until the translator saves, so a carried draft is never submitted unseen.
     */
    public SegmentRows.View segments(PairView pair) {
        PairView.TargetView t = pair.target();
        if (t == null || t.basedOnSourceRevision() == pair.source().revision()) {
            return SegmentRows.of(pair, pair.alignment(aligner), Set.of());
        }
        String before = sources.findByPairIdAndRevision(pair.id(), t.basedOnSourceRevision())
                .map(SourceRevision::body).orElse("");
        String now = pair.source().body();
        CarryOver.Carried carried = CarryOver.carry(aligner.align(before, pair.sourceLang(), t.body(),
                pair.targetLang(), t.links()), now, pair.sourceLang());
        Composition.Composed draft = Composition.compose(now, pair.sourceLang(), carried.rows(), pair.targetLang());
        return SegmentRows.of(pair, aligner.align(now, pair.sourceLang(), draft.body(), pair.targetLang(),
                draft.links()), carried.changed());
    }

    public QaReview.Report qa(PairView pair) {
        return review.report(draft(pair));
    }

    /** QA of one row of the segment editor while the translator types: numbers, dates, terms, untranslated text. */
    public List<QaChecks.Issue> checkSegment(long id, @Nullable String sources, @Nullable String text) {
        PairView pair = pair(id);
        String target = text == null ? "" : text;
        FieldLimits.length("text", target, FieldLimits.MAX_BODY);
        String source = sourcesOf(pair.source().body(), pair.sourceLang(), sources == null ? "" : sources.strip());
        if (target.isBlank()) {
            return List.of();
        }
        return checks.check(source, "", target, pair.sourceLang(), pair.targetLang(), pair.office());
    }

    /** The source sentences a row names ("0+1"), as written in the source. */
    private static String sourcesOf(String body, String lang, String sources) {
        List<Segmenter.Segment> sentences = Segmenter.split(body, lang);
        int[] named;
        try {
            named = Link.sentences(sources);
        } catch (NumberFormatException e) {
            named = new int[0];
        }
        boolean inOrder = named.length > 0 && named.length <= 20;
        for (int i = 0; inOrder && i < named.length; i++) {
            inOrder = named[i] == named[0] + i && named[i] >= 0 && named[i] < sentences.size();
        }
        if (!inOrder) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "sources must name source sentences in order, as 0 or"
                    + " 0+1").with("field", "sources");
        }
        return body.substring(sentences.get(named[0]).start(), sentences.get(named[named.length - 1]).end());
    }

    public QaReview.Report acknowledge(long id, Staff who, QaReview.AcknowledgeCommand c) {
        return review.acknowledge(draft(pair(id)), who, c);
    }

    public Terms terms(PairView pair) {
        return new Terms(terms.hits(pair.source().body(), pair.sourceLang(), pair.office()),
                pair.target() == null ? List.of() : terms.hits(pair.target().body(), pair.targetLang(), pair.office()));
    }

    public MemoryQueries.Suggestions suggestions(PairView pair, @Nullable Integer threshold) {
        return memory.suggestions(pair.id(), pair.source().body(), pair.sourceLang(), threshold);
    }

    /** What the translator changed since the previous draft, for the reviewer. */
    public List<SourceDiff.Op> draftDiff(long pairId) {
        List<TargetRevision> drafts = targets.findByPairIdOrderByRevision(pairId);
        if (drafts.size() < 2) {
            return List.of();
        }
        TargetRevision before = drafts.get(drafts.size() - 2);
        TargetRevision after = drafts.getLast();
        return SourceDiff.between(before.title() + "\n" + before.body(), after.title() + "\n" + after.body());
    }

    static Draft draft(PairView p) {
        return new Draft(p.id(), p.bulletinId(), p.office(), p.status().name(), p.source().body(), p.sourceLang(),
                p.target() == null ? null : p.target().title(), p.target() == null ? null : p.target().body(),
                p.targetLang(), p.target() == null ? 0 : p.target().revision(),
                p.target() == null ? null : p.target().links());
    }
}
