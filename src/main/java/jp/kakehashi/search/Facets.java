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

/** Counts matching documents per office and per year from doc values, alongside the top hits. */
final class Facets implements CollectorManager<Facets.Counter, Facets.Counts> {

    record Counts(Map<String, Integer> office, Map<String, Integer> year) {
    }

    static final class Counter extends SimpleCollector {
        final Map<String, Integer> office = new TreeMap<>();
        final Map<String, Integer> year = new TreeMap<>();
        private SortedDocValues offices;
        private NumericDocValues years;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            offices = DocValues.getSorted(context.reader(), PairDocument.OFFICE);
            years = DocValues.getNumeric(context.reader(), PairDocument.YEAR);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (offices.advanceExact(doc)) {
                office.merge(offices.lookupOrd(offices.ordValue()).utf8ToString(), 1, Integer::sum);
            }
            if (years.advanceExact(doc)) {
                year.merge(Long.toString(years.longValue()), 1, Integer::sum);
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
            c.office.forEach((k, v) -> office.merge(k, v, Integer::sum));
            c.year.forEach((k, v) -> year.merge(k, v, Integer::sum));
        }
        return new Counts(office, year);
    }
}
