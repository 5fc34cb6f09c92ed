package jp.kakehashi.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matching documents per office and per year from doc values, alongside the top hits. Every
 * hit of a broad query passes through here, so the per-hit work is an array increment: offices by
 * the segment's ordinal, years by offset. Names and boxed counts are made once per segment, not per
 * hit (per-hit string lookups and map merges were the larger part of facet time).
 */
final class Facets implements CollectorManager<Facets.Counter, Facets.Counts> {
    private static final int FIRST_YEAR = 1900;
    private static final int YEARS = 300;

    record Counts(Map<String, Integer> office, Map<String, Integer> year) {
    }

    static final class Counter extends SimpleCollector {
        final Map<String, Integer> office = new TreeMap<>();
        final Map<String, Integer> year = new TreeMap<>();
        private final int[] yearCounts = new int[YEARS];
        private SortedDocValues offices;
        private NumericDocValues years;
        private int[] officeCounts = new int[0];
        private boolean pending;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            offices = DocValues.getSorted(context.reader(), PairDocument.OFFICE);
            years = DocValues.getNumeric(context.reader(), PairDocument.YEAR);
            officeCounts = new int[offices.getValueCount()];
        }

        @Override
        public void collect(int doc) throws IOException {
            pending = true;
            if (offices.advanceExact(doc)) {
                officeCounts[offices.ordValue()]++;
            }
            if (years.advanceExact(doc)) {
                long y = years.longValue();
                if (y >= FIRST_YEAR && y < FIRST_YEAR + YEARS) {
                    yearCounts[(int) (y - FIRST_YEAR)]++;
                } else {
                    year.merge(Long.toString(y), 1, Integer::sum);
                }
            }
        }

        @Override
        public void finish() throws IOException {
            flush();
        }

        /** Turns the segment's ordinal counts into names; idempotent. */
        void flush() throws IOException {
            if (!pending) {
                return;
            }
            pending = false;
            for (int ord = 0; ord < officeCounts.length; ord++) {
                if (officeCounts[ord] > 0) {
                    office.merge(offices.lookupOrd(ord).utf8ToString(), officeCounts[ord], Integer::sum);
                    officeCounts[ord] = 0;
                }
            }
            for (int i = 0; i < YEARS; i++) {
                if (yearCounts[i] > 0) {
                    year.merge(Integer.toString(FIRST_YEAR + i), yearCounts[i], Integer::sum);
                    yearCounts[i] = 0;
                }
            }
        }

        @Override
        public void setScorer(Scorable scorer) {
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Counts reduce(Collection<Counter> collectors) {
        Map<String, Integer> office = new TreeMap<>();
        Map<String, Integer> year = new TreeMap<>();
        for (Counter c : collectors) {
            try {
                c.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            c.office.forEach((k, v) -> office.merge(k, v, Integer::sum));
            c.year.forEach((k, v) -> year.merge(k, v, Integer::sum));
        }
        return new Counts(office, year);
    }
}
