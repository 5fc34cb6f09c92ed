package jp.kakehashi.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's postings offsets, with each query term looked up once per segment and request
 * instead of once per hit: Lucene's strategy opens a terms enum, seeks every term and allocates a
 * postings enum for every hit and field (7.6 % of the samples and 17.7 % of the allocation of the
 * service under the HTTP benchmark, src/bench/RESULTS.md). The highlighter visits a request's hits in
 * ascending doc id order, so one postings enum per term and segment only moves forward; a doc at or
 * before the last one seen (never by the highlighter, but cheap to allow) starts the segment afresh.
 * Phrases and automata keep Lucene's per-hit path: the word-pair phrases are rare and small.
 *
 * <p>One instance serves one field of one {@code highlightFields} call, on one thread.
 */
final class ForwardPostingsOffsets extends PostingsOffsetStrategy {
    private final Map<Terms, Segment> segments = new IdentityHashMap<>();

    ForwardPostingsOffsets(UHComponents components) {
        super(components);
    }

    /** A segment's postings of the terms, null where the segment lacks the term. */
    private static final class Segment {
        final BytesRef[] terms;
        final PostingsEnum[] postings;
        int lastDoc = -1;

        Segment(BytesRef[] terms, PostingsEnum[] postings) {
            this.terms = terms;
            this.postings = postings;
        }
    }

    @Override
    protected void createOffsetsEnumsForTerms(BytesRef[] sourceTerms, Terms termsIndex, int doc,
                                              List<OffsetsEnum> results) throws IOException {
        Segment s = segments.get(termsIndex);
        if (s == null || doc <= s.lastDoc || !Arrays.equals(s.terms, sourceTerms)) {
            s = open(sourceTerms, termsIndex);
            segments.put(termsIndex, s);
        }
        s.lastDoc = doc;
        for (int i = 0; i < s.postings.length; i++) {
            PostingsEnum p = s.postings[i];
            if (p != null && (p.docID() >= doc ? p.docID() : p.advance(doc)) == doc) {
                results.add(new OffsetsEnum.OfPostings(s.terms[i], p));
            }
        }
    }

    private Segment open(BytesRef[] sourceTerms, Terms termsIndex) throws IOException {
        TermsEnum termsEnum = termsIndex.iterator();
        PostingsEnum[] postings = new PostingsEnum[sourceTerms.length];
        for (int i = 0; i < sourceTerms.length; i++) {
            if (termsEnum.seekExact(sourceTerms[i])) {
                postings[i] = termsEnum.postings(null, PostingsEnum.OFFSETS);
                if (postings[i] == null) {
                    throw new IllegalArgumentException("field '" + getField() + "' has no offsets to highlight");
                }
            }
        }
        return new Segment(sourceTerms.clone(), postings);
    }
}
