package jp.kakehashi.index;

import io.micronaut.serde.annotation.Serdeable;
import jp.kakehashi.job.Progress;

/** What a finished rebuild reports: which index, the documents written, the source position they reflect. */
@Serdeable
public record Rebuilt(String index, long documents, long upTo) {

    /** Passes progress on and counts what was written; read once the fill has returned (the same thread). */
    static final class Counting implements Progress {
        private final Progress to;
        private long documents;

        Counting(Progress to) {
            this.to = to;
        }

        @Override
        public void total(long things) {
            to.total(things);
        }

        @Override
        public void advance(long things) {
            documents += things;
            to.advance(things);
        }

        long documents() {
            return documents;
        }
    }
}
