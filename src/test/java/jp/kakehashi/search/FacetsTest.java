package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Facet counts by segment ordinals add up across segments whose ordinals differ. */
class FacetsTest {

    @Test
    void countsAddUpAcrossSegmentsWithDifferentOrdinalsAndOddYears() throws Exception {
        try (var dir = new ByteBuffersDirectory(); var writer = new IndexWriter(dir,
                new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
            String[][] segments = {{"PAR", "LON"}, {"SEL", "PAR", "PAR"}, {"TYO"}};
            int id = 0;
            for (String[] offices : segments) {
                for (String office : offices) {
                    LocalDate date = id == 5 ? LocalDate.of(1850, 1, 1) : LocalDate.of(2025 + id % 2, 4, 1);
                    writer.addDocument(new PairDocument(++id, 1, office, date, "RELEASED", PairDocument.PUBLIC,
                            new PairDocument.Side("t", "b"), new PairDocument.Side("t", "b")).toDocument());
                }
                writer.commit();
            }
            try (var reader = DirectoryReader.open(dir)) {
                assertEquals(3, reader.leaves().size());
                Facets.Counts counts = new IndexSearcher(reader).search(new MatchAllDocsQuery(), new Facets());
                assertEquals(Map.of("LON", 1, "PAR", 3, "SEL", 1, "TYO", 1), counts.office());
                assertEquals(Map.of("2025", 3, "2026", 2, "1850", 1), counts.year());
            }
        }
    }
}
