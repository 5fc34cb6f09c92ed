package jp.kakehashi.search;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.analysis.BilingualTerms;
import jp.kakehashi.analysis.Chains;
import jp.kakehashi.analysis.SharedAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/** Which chain analyses which field; the same at index and query time. */
@Singleton
class SearchAnalyzers {
    /**
     * Bump when the document layout or the Java code of a filter changes (the chain files are hashed
     * already): the hash changes and the index is rebuilt.
     */
    private static final String LAYOUT = "layout-6";
    private final Chains chains;
    private final Analyzer perField;
    private final Sharing sharing;

    SearchAnalyzers(Chains chains) {
        this.chains = chains;
        Analyzer ja = chains.require("ja");
        Analyzer en = chains.require("en");
        Analyzer read = chains.require("ja_read");
        Analyzer shingles = chains.require("en_shingle");
        Analyzer enRead = chains.require("en_read");
        this.perField = new PerFieldAnalyzerWrapper(en, Map.of(PairDocument.JA_TITLE, ja, PairDocument.JA_BODY, ja,
                PairDocument.JA_READ, read, PairDocument.EN_READ, enRead, PairDocument.EN_SHINGLE, shingles));
        this.sharing = new Sharing(SharedAnalysis.of(ja, read), SharedAnalysis.of(en, enRead),
                SharedAnalysis.of(en, shingles, enRead));
    }

    /**
     * The chains a pair's texts run through together: a Japanese text for its words and its reading
     * (one Kuromoji pass), the English title for its words and reading, the English body for its
     * words, word pairs and reading (one tokenizer pass).
     */
    record Sharing(Optional<SharedAnalysis> ja, Optional<SharedAnalysis> enTitle, Optional<SharedAnalysis> enBody) {
        static final Sharing NONE = new Sharing(Optional.empty(), Optional.empty(), Optional.empty());
    }

    Sharing sharing() {
        return sharing;
    }

    Analyzer indexAnalyzer() {
        return perField;
    }

    Suggestions suggestions() {
        return new Suggestions(chain("ja"), chain("ja_read"));
    }

    /** The query builder over these chains, with the bilingual terms to expand. */
    CrossLanguageQuery queries(List<BilingualTerms.Term> terms) {
        return new CrossLanguageQuery(chain("ja"), chain("en"), chain("ja_read"), chain("en_shingle"), terms);
    }

    Analyzer chain(String name) {
        return chains.require(name);
    }

    String hash() {
        return chains.configHash() + "/" + LAYOUT;
    }
}
