package jp.kakehashi.align;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import jp.kakehashi.analysis.BilingualTerms;
import jp.kakehashi.segment.Segmenter;

/**
 * A source text and its translation as sentences with the links between them: what the memory
 * learns from, what the segment rows show. Translators merge and split sentences and leave link
 * texts out; pairing sentences by position then teaches wrong pairs, so they are aligned.
 */
@Singleton
public class Aligner {
    private final Anchors anchors;

    public Aligner(BilingualTerms terms) {
        this.anchors = new Anchors(terms.all());
    }

    /** Two texts, their sentences (offsets into the texts) and the links between the sentences. */
    @Serdeable
    public record Alignment(String sourceText, String targetText, List<Segmenter.Segment> source,
                            List<Segmenter.Segment> target, List<Link> links) {
        /** The source sentences of a link as one text (a merged link's sentences joined as written). */
        public String sourceOf(Link l) {
            return l.sources() == 0 ? ""
                    : sourceText.substring(source.get(l.sourceFrom()).start(), source.get(l.sourceTo() - 1).end());
        }

        public String targetOf(Link l) {
            return l.targets() == 0 ? ""
                    : targetText.substring(target.get(l.targetFrom()).start(), target.get(l.targetTo() - 1).end());
        }
    }

    public Alignment align(String sourceText, String sourceLang, String targetText, String targetLang) {
        return align(sourceText, sourceLang, targetText, targetLang, null);
    }

    /**
     * With the links a person gave for this draft ({@code stored}, checked when the draft was
     * saved): those, so their corrections hold everywhere the alignment is used; else automatic.
     */
    public Alignment align(String sourceText, String sourceLang, String targetText, String targetLang,
                           @Nullable List<String> stored) {
        List<Segmenter.Segment> source = Segmenter.split(sourceText, sourceLang);
        List<Segmenter.Segment> target = Segmenter.split(targetText, targetLang);
        if (stored != null) {
            try {
                return new Alignment(sourceText, targetText, source, target,
                        Link.parseAll(stored, source.size(), target.size()));
            } catch (IllegalArgumentException changedSegmentation) {
                // saved under other sentence rules (a segmenter fix since): automatic again
            }
        }
        return new Alignment(sourceText, targetText, source, target,
                SentenceAligner.align(sentences(source, sourceLang), sentences(target, targetLang)));
    }

    /** Sentences already split (the judged set, a CAT tool's segments). */
    public List<Link> align(List<String> source, String sourceLang, List<String> target, String targetLang) {
        return align(source, sourceLang, target, targetLang, SentenceAligner.DEFAULT);
    }

    List<Link> align(List<String> source, String sourceLang, List<String> target, String targetLang,
                     SentenceAligner.Params params) {
        return SentenceAligner.align(source.stream().map(s -> sentence(s, sourceLang)).toList(),
                target.stream().map(s -> sentence(s, targetLang)).toList(), params);
    }

    private List<SentenceAligner.Sentence> sentences(List<Segmenter.Segment> segments, String lang) {
        return segments.stream().map(s -> sentence(s.text(), lang)).toList();
    }

    private SentenceAligner.Sentence sentence(String text, String lang) {
        return new SentenceAligner.Sentence((int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count(),
                anchors.of(text, lang), StandAlone.is(text, lang));
    }
}
