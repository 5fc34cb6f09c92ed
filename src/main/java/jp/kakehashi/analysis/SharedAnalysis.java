package jp.kakehashi.analysis;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AbstractAnalysisFactory;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseIterationMarkCharFilterFactory;
import org.apache.lucene.analysis.sinks.TeeSinkTokenFilter;

/**
 * Chains that begin alike, run once: the text goes through the common char filters, tokenizer and
 * leading filters a single time, and a {@link TeeSinkTokenFilter} hands every token to the rest of
 * each chain. Kuromoji is most of the indexing time and {@code ja} and {@code ja_read} tokenize the
 * same Japanese text; {@code en}, {@code en_shingle} and {@code en_read} begin with the same steps
 * over the English body. Run apart (as Solr's copyField does) each text was tokenized once per
 * field. The tokens are exactly those of the chains run apart ({@code SharedAnalysisTest}).
 *
 * <p>{@code ja} folds iteration marks (々, ゝ, ヽ) before Kuromoji and {@code ja_read} does not (its
 * readings come from the words as written, 佐々木 as the dictionary has it). On a text without those
 * marks the fold changes nothing, so such a text (most bulletins) is shared; a text with one is left
 * to each chain ({@link #split} is empty).
 */
public final class SharedAnalysis {
    private static final String ITERATION_MARKS = "\u3005\u309d\u309e\u30fd\u30fe";
    private final List<CustomAnalyzer> chains;
    private final List<CharFilterFactory> charFilters;
    private final boolean foldsIterationMarks;
    private final int sharedFilters;

    private SharedAnalysis(List<CustomAnalyzer> chains, List<CharFilterFactory> common, boolean foldsIterationMarks,
                           int sharedFilters) {
        this.chains = chains;
        this.charFilters = common;
        this.foldsIterationMarks = foldsIterationMarks;
        this.sharedFilters = sharedFilters;
    }

    /**
     * Empty when the chains differ before their tokenizers (beyond iteration marks) or in them; else
     * they share their char filters, tokenizer and their longest common run of leading filters.
     */
    public static Optional<SharedAnalysis> of(Analyzer... analyzers) {
        List<CustomAnalyzer> chains = new ArrayList<>();
        for (Analyzer a : analyzers) {
            if (!(a instanceof CustomAnalyzer c)) {
                return Optional.empty();
            }
            chains.add(c);
        }
        CustomAnalyzer first = chains.getFirst();
        List<CharFilterFactory> common = withoutIterationMarks(first.getCharFilterFactories());
        boolean folds = false;
        int shared = first.getTokenFilterFactories().size();
        for (CustomAnalyzer c : chains) {
            List<CharFilterFactory> own = withoutIterationMarks(c.getCharFilterFactories());
            if (!same(first.getTokenizerFactory(), c.getTokenizerFactory()) || !sameSteps(common, own)) {
                return Optional.empty();
            }
            folds |= own.size() != c.getCharFilterFactories().size();
            List<TokenFilterFactory> filters = c.getTokenFilterFactories();
            int n = 0;
            while (n < shared && n < filters.size() && same(first.getTokenFilterFactories().get(n), filters.get(n))) {
                n++;
            }
            shared = n;
        }
        return Optional.of(new SharedAnalysis(List.copyOf(chains), common, folds, shared));
    }

    /**
     * The token streams of {@code text}, one per chain in the order given, from one analysis; the
     * first must be consumed before the others (they replay what it read). Empty when the text has an
     * iteration mark only some chains fold: each chain must then read it itself.
     */
    public Optional<TokenStream[]> split(String text) {
        if (foldsIterationMarks && hasIterationMark(text)) {
            return Optional.empty();
        }
        Reader reader = new StringReader(text);
        for (CharFilterFactory f : charFilters) {
            reader = f.create(reader);
        }
        Tokenizer tokenizer = chains.getFirst().getTokenizerFactory().create();
        tokenizer.setReader(reader);
        List<TokenFilterFactory> firstFilters = chains.getFirst().getTokenFilterFactories();
        TeeSinkTokenFilter tee = new TeeSinkTokenFilter(filtered(tokenizer, firstFilters.subList(0, sharedFilters)));
        TokenStream[] streams = new TokenStream[chains.size()];
        streams[0] = filtered(tee, firstFilters.subList(sharedFilters, firstFilters.size()));
        // Sinks copy the attributes the first chain's filters added, so they can replay its states.
        for (int i = 1; i < streams.length; i++) {
            List<TokenFilterFactory> own = chains.get(i).getTokenFilterFactories();
            streams[i] = filtered(tee.newSinkTokenStream(), own.subList(sharedFilters, own.size()));
        }
        return Optional.of(streams);
    }

    /** How many leading token filters the chains run once, together. */
    int sharedFilters() {
        return sharedFilters;
    }

    static boolean hasIterationMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (ITERATION_MARKS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static TokenStream filtered(TokenStream in, List<TokenFilterFactory> filters) {
        TokenStream ts = in;
        for (TokenFilterFactory f : filters) {
            ts = f.create(ts);
        }
        return ts;
    }

    private static List<CharFilterFactory> withoutIterationMarks(List<CharFilterFactory> filters) {
        return filters.stream().filter(f -> !(f instanceof JapaneseIterationMarkCharFilterFactory)).toList();
    }

    private static boolean sameSteps(List<CharFilterFactory> x, List<CharFilterFactory> y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!same(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(AbstractAnalysisFactory x, AbstractAnalysisFactory y) {
        return x.getClass() == y.getClass() && x.getOriginalArgs().equals(y.getOriginalArgs());
    }
}
