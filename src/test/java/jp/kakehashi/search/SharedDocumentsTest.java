package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.analysis.Chains;
import jp.kakehashi.bench.CorpusGenerator;
import jp.kakehashi.system.Assets;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pair indexed with shared analysis is the same index as one with every field analysed on its
 * own: every term of every field with the same documents, frequencies, positions and offsets, and
 * the same stored values. Texts with iteration marks (not shared) are in the mix.
 */
class SharedDocumentsTest {
    private final Chains chains = new Chains(Assets.packaged());
    private final SearchAnalyzers analyzers = new SearchAnalyzers(chains);

    @AfterEach
    void close() {
        chains.close();
    }

    @Test
    void sharedAnalysisWritesExactlyThePostingsAndStoredFieldsOfSeparateAnalysis() throws Exception {
        List<PairDocument> docs = new ArrayList<>(GeneratedIndex.documents(CorpusGenerator.bulletins(20261202L, 150),
                "SUBMITTED", n -> PairDocument.STAFF));
        long id = docs.size();
        docs.add(new PairDocument(++id, 1, "TYO", LocalDate.of(2026, 12, 2), "SUBMITTED", PairDocument.STAFF,
                new PairDocument.Side("代々木の人々", "佐々木さんが様々な会議で代々木を訪問しました。"),
                new PairDocument.Side("People of Yoyogi", "Mr Sasaki visited Yoyogi for various meetings.")));
        docs.add(new PairDocument(++id, 1, "PAR", LocalDate.of(2026, 12, 2), "SUBMITTED", PairDocument.STAFF,
                null, new PairDocument.Side("Report only", "An English report without its Japanese side.")));
        try (Directory apart = index(docs, false); Directory shared = index(docs, true);
             DirectoryReader a = DirectoryReader.open(apart); DirectoryReader s = DirectoryReader.open(shared)) {
            assertEquals(1, a.leaves().size());
            LeafReader ra = a.leaves().getFirst().reader();
            LeafReader rs = s.leaves().getFirst().reader();
            for (String field : List.of(PairDocument.JA_TITLE, PairDocument.JA_BODY, PairDocument.JA_READ,
                    PairDocument.EN_TITLE, PairDocument.EN_BODY, PairDocument.EN_READ, PairDocument.EN_SHINGLE)) {
                assertEquals(postings(ra.terms(field)), postings(rs.terms(field)), field);
            }
            for (int doc = 0; doc < ra.maxDoc(); doc++) {
                assertEquals(ra.storedFields().document(doc).toString(), rs.storedFields().document(doc).toString());
            }
        }
    }

    /**
     * A pair with one side still has every text field, without tokens: its norms are dense (found
     * by position) with 0 for the missing side, while the fields' statistics, which scores are made
     * of, count only the documents that have text.
     */
    @Test
    void aMissingSideHasNormsButCountsInNoStatistics() throws Exception {
        List<PairDocument> docs = List.of(
                new PairDocument(1, 1, "TYO", LocalDate.of(2026, 12, 2), "SUBMITTED", PairDocument.STAFF,
                        new PairDocument.Side("代々木の人々", "佐々木さんが代々木を訪問しました。"),
                        new PairDocument.Side("People of Yoyogi", "Mr Sasaki visited Yoyogi.")),
                new PairDocument(2, 1, "TYO", LocalDate.of(2026, 12, 2), "UNASSIGNED", PairDocument.STAFF,
                        new PairDocument.Side("渋谷の会議", "渋谷で会議が開かれました。"), null),
                new PairDocument(3, 1, "PAR", LocalDate.of(2026, 12, 2), "SUBMITTED", PairDocument.STAFF,
                        null, new PairDocument.Side("Report only", "An English report without its Japanese side.")));
        try (Directory dir = index(docs, true); DirectoryReader r = DirectoryReader.open(dir)) {
            LeafReader leaf = r.leaves().getFirst().reader();
            for (String field : List.of(PairDocument.JA_TITLE, PairDocument.JA_BODY, PairDocument.JA_READ,
                    PairDocument.EN_TITLE, PairDocument.EN_BODY, PairDocument.EN_READ, PairDocument.EN_SHINGLE)) {
                var norms = leaf.getNormValues(field);
                assertEquals(3, norms.cost(), field + ": a norm for every document");
                int without = field.startsWith("ja") ? 2 : 1;
                assertTrue(norms.advanceExact(without), field);
                assertEquals(0, norms.longValue(), field + ": the missing side's norm");
                assertEquals(2, leaf.terms(field).getDocCount(), field + ": documents with text only");
            }
        }
    }

    private Directory index(List<PairDocument> docs, boolean share) throws Exception {
        Directory dir = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(dir, new IndexWriterConfig(analyzers.indexAnalyzer()))) {
            for (PairDocument d : docs) {
                writer.addDocument(share ? d.toDocument(analyzers.sharing()) : d.toDocument());
            }
            writer.forceMerge(1);
        }
        return dir;
    }

    private static String postings(Terms terms) throws Exception {
        StringBuilder sb = new StringBuilder();
        TermsEnum te = terms.iterator();
        PostingsEnum pe = null;
        while (te.next() != null) {
            sb.append(te.term().utf8ToString()).append(':');
            pe = te.postings(pe, PostingsEnum.ALL);
            while (pe.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                sb.append(' ').append(pe.docID()).append('x').append(pe.freq());
                for (int i = 0; i < pe.freq() && terms.hasPositions(); i++) {
                    sb.append(" @").append(pe.nextPosition());
                    if (terms.hasOffsets()) {
                        sb.append('[').append(pe.startOffset()).append(',').append(pe.endOffset()).append(']');
                    }
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
