package jp.kakehashi.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import jp.kakehashi.analysis.BilingualTerms;
import jp.kakehashi.analysis.Chains;
import jp.kakehashi.bench.CorpusGenerator;
import jp.kakehashi.bulletin.CreateBulletinCommand;
import jp.kakehashi.index.IndexStore;
import jp.kakehashi.system.Assets;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * A real index of 6,000 generated pairs as the service writes them, in several segments with
 * deletions and some staff-only documents, and the benchmark's query mix over its public view.
 */
final class GeneratedIndex implements AutoCloseable {
    final Chains chains = new Chains(Assets.packaged());
    final SearchAnalyzers analyzers = new SearchAnalyzers(chains);
    final CrossLanguageQuery queries = analyzers.queries(new BilingualTerms(Assets.packaged()).all());
    final FSDirectory directory;
    final DirectoryReader reader;

    GeneratedIndex(Path dir) throws Exception {
        directory = FSDirectory.open(dir);
        List<PairDocument> docs = documents(CorpusGenerator.bulletins(20261202L, 6_000), "RELEASED",
                id -> id % 7 == 0 ? PairDocument.STAFF : PairDocument.PUBLIC);
        try (var writer = new IndexWriter(directory, IndexStore.config(analyzers.indexAnalyzer()))) {
            for (PairDocument d : docs) {
                writer.addDocument(d.toDocument(analyzers.sharing()));
                if (d.pairId() % 4_000 == 0) {
                    writer.commit();
                }
            }
            for (int gone = 5; gone <= docs.size(); gone += 11) {
                writer.deleteDocuments(new Term(PairDocument.PAIR, Integer.toString(gone)));
            }
            writer.commit();
        }
        reader = DirectoryReader.open(directory);
    }

    /** The corpus's pairs as documents, numbered from 1 in corpus order, each in the view given for its id. */
    static List<PairDocument> documents(List<CreateBulletinCommand> corpus, String status, LongFunction<String> view) {
        List<PairDocument> docs = new ArrayList<>();
        for (CreateBulletinCommand b : corpus) {
            for (var p : b.pairList()) {
                long id = docs.size() + 1;
                docs.add(new PairDocument(id, 1, p.office(), b.publishedOn(), status, view.apply(id),
                        new PairDocument.Side(p.source().title(), p.source().body()),
                        new PairDocument.Side(p.target().title(), p.target().body())));
            }
        }
        return docs;
    }

    /** A query of the benchmark's mix as a reader's search runs it: both languages, public view. */
    Query publicQuery(String q) {
        return new BooleanQuery.Builder()
                .add(match(q), Occur.MUST)
                .add(new TermQuery(new Term(PairDocument.VIEW, PairDocument.PUBLIC)), Occur.FILTER).build();
    }

    Query match(String q) {
        return queries.build(CrossLanguageQuery.normalise(q), true, true);
    }

    @Override
    public void close() throws Exception {
        reader.close();
        directory.close();
        chains.close();
    }
}
