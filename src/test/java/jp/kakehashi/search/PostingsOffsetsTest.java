package jp.kakehashi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import jp.kakehashi.analysis.BilingualTerms;
import jp.kakehashi.analysis.Chains;
import jp.kakehashi.system.Assets;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies and readings carry offsets in the postings, and IndexWriter refuses a document whose
 * offsets go backwards: the chains must never produce one, or a hostile text would be left out of
 * the index. Then the snippets read those offsets, readings included.
 */
class PostingsOffsetsTest {
    private final Chains chains = new Chains(Assets.packaged());
    private final SearchAnalyzers analyzers = new SearchAnalyzers(chains);

    @TempDir
    Path dir;

    @Test
    void randomTextIsIndexedWithOffsetsAndNoDocumentIsRefused() throws Exception {
        Random random = new Random(20261122L);
        int[][] ranges = {{0x20, 0x7E}, {0x3000, 0x30FF}, {0x4E00, 0x9FFF}, {0xFF00, 0xFFEF}, {0x0300, 0x036F},
            {0x3200, 0x33FF}, {0x1F300, 0x1FAFF}, {0x0, 0x1F}, {0x2460, 0x24FF}, {0xF900, 0xFAFF}};
        int docs = 1500;
        try (var directory = FSDirectory.open(dir);
             var writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.indexAnalyzer()))) {
            for (int i = 0; i < docs; i++) {
                String[] texts = new String[4];
                for (int t = 0; t < texts.length; t++) {
                    StringBuilder sb = new StringBuilder();
                    int len = random.nextInt(i % 100 == 0 ? 4000 : 80);
                    for (int j = 0; j < len; j++) {
                        int[] r = ranges[random.nextInt(ranges.length)];
                        sb.appendCodePoint(r[0] + random.nextInt(r[1] - r[0] + 1));
                    }
                    texts[t] = sb.toString();
                }
                // throws IllegalArgumentException on offsets that go backwards
                writer.addDocument(doc(i, texts[0], texts[1], texts[2], texts[3]).toDocument(analyzers.sharing()));
            }
            writer.commit();
        }
        try (var reader = DirectoryReader.open(FSDirectory.open(dir))) {
            assertEquals(docs, reader.numDocs());
            FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
            for (String field : List.of(PairDocument.JA_BODY, PairDocument.EN_BODY, PairDocument.JA_READ,
                    PairDocument.EN_READ)) {
                assertEquals(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
                        infos.fieldInfo(field).getIndexOptions(), field);
            }
        }
    }

    @Test
    void aRomajiMatchMarksTheBodyWordsAndATitleOnlyMatchMarksNothing() throws Exception {
        try (var directory = FSDirectory.open(dir);
             var writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.indexAnalyzer()))) {
            writer.addDocument(doc(1, "会津若松市の訪問", "白河市と交流しました。パリ事務所が同行しました。",
                    "Aizuwakamatsu visit", "Officials of Shirakawa met the Paris office.")
                    .toDocument(analyzers.sharing()));
            writer.commit();
        }
        var queries = queries(List.of());
        try (var reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Snippets snippets = new Snippets(analyzers.indexAnalyzer());

            String[][] romaji = marked(searcher, snippets, queries.build("shirakawa", true, true));
            assertEquals("<mark>白河</mark>市と交流しました。", romaji[0][0].strip());
            assertTrue(romaji[1][0].contains("of <mark>Shirakawa</mark> met"), romaji[1][0]);

            // aizu matches the titles' readings only, whose offsets lie past the body's end
            String[][] title = marked(searcher, snippets, queries.build("aizu", true, true));
            assertNull(title[0][0]);
            assertNull(title[1][0]);
        }
    }

    @Test
    void aTermExpandedToAnEnglishPhraseMatchesItsWordPairsAndMarksThePhraseInTheBody() throws Exception {
        try (var directory = FSDirectory.open(dir);
             var writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.indexAnalyzer()))) {
            writer.addDocument(doc(1, "交流", "交流しました。", "Exchange",
                    "The sister city of Lyon met the city council. A city sister was there.")
                    .toDocument(analyzers.sharing()));
            writer.addDocument(doc(2, "交流", "交流しました。", "Exchange",
                    "A sister came to the city. The city is sister to none.").toDocument(analyzers.sharing()));
            writer.commit();
        }
        var queries = queries(List.of(new BilingualTerms.Term("姉妹都市", List.of("sister city"))));
        try (var reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Snippets snippets = new Snippets(analyzers.indexAnalyzer());
            // doc 2 has both words, never side by side: the pair term "sister citi" is not in it
            Query japanese = queries.build("姉妹都市", false, true);
            assertTrue(japanese.toString().contains("en_shingle:sister citi"), japanese.toString());
            String[][] marks = marked(searcher, snippets, japanese);
            assertTrue(marks[1][0].contains("The <mark>sister</mark> <mark>city</mark> of Lyon"), marks[1][0]);
            assertTrue(marks[1][0].contains("met the city council"), "a lone word of the phrase stays unmarked");

            // an English query scores adjacency from the pairs too, and still matches the words apart
            TopDocs english = searcher.search(queries.build("sister city", false, true), 10);
            assertEquals(2, english.scoreDocs.length);
            assertEquals(0, english.scoreDocs[0].doc, "the pair with the words side by side ranks first");
        }
    }

    @Test
    void aRemovedStopWordLeavesAGapThatThePhraseForHighlightingKeeps() {
        Query pairs = queries(List.of()).build("city of Lyon", false, true);
        Query positional = Snippets.positional(pairs);
        assertTrue(pairs.toString().contains("(+en_shingle:citi _ +en_shingle:_ lyon)^2.0"), pairs.toString());
        assertTrue(positional.toString().contains("en_body:\"citi ? lyon\""), positional.toString());
    }

    private CrossLanguageQuery queries(List<BilingualTerms.Term> terms) {
        return analyzers.queries(terms);
    }

    private static String[][] marked(IndexSearcher searcher, Snippets snippets, Query query) throws Exception {
        TopDocs top = searcher.search(query, 10);
        assertEquals(1, top.scoreDocs.length, query.toString());
        int doc = top.scoreDocs[0].doc;
        return snippets.highlight(searcher, query, new int[] {doc},
                new org.apache.lucene.document.Document[] {searcher.storedFields().document(doc)});
    }

    private static PairDocument doc(long id, String jaTitle, String jaBody, String enTitle, String enBody) {
        return new PairDocument(id, 1, "PAR", LocalDate.of(2026, 11, 22), "RELEASED", PairDocument.PUBLIC,
                new PairDocument.Side(jaTitle, jaBody), new PairDocument.Side(enTitle, enBody));
    }
}
