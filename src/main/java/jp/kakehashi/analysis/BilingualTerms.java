package jp.kakehashi.analysis;

import jakarta.inject.Singleton;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import jp.kakehashi.system.Assets;
import org.apache.lucene.util.ResourceLoader;

/**
 * {@code analyzers/crosslang/terms_ja_en.txt}: Japanese term ⇄ English terms, for query-time
 * expansion only. Parsed strictly at start-up: a malformed line fails with the file and line.
 */
@Singleton
public class BilingualTerms {
    static final String FILE = "crosslang/terms_ja_en.txt";
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");

    /** One line: the Japanese term and its English equivalents, all NFKC-casefolded for matching. */
    public record Term(String ja, List<String> en) {
    }

    private final List<Term> terms;

    @jakarta.inject.Inject
    public BilingualTerms(Assets assets) {
        this(new PrefixResourceLoader("analyzers/", assets));
    }

    BilingualTerms(ResourceLoader resources) {
        this.terms = List.copyOf(parse(ChainLoader.read(resources, FILE)));
    }

    public List<Term> all() {
        return terms;
    }

    static List<Term> parse(String text) {
        List<Term> result = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\|");
            String at = "analyzers/" + FILE + ":" + (i + 1) + ": ";
            if (parts.length < 2) {
                throw new IllegalArgumentException(at + "expected 'Japanese | English [| English …]'");
            }
            String ja = fold(parts[0]);
            if (!JAPANESE.matcher(ja).find()) {
                throw new IllegalArgumentException(at + "the first column must be Japanese: " + parts[0].strip());
            }
            List<String> en = new ArrayList<>();
            for (int p = 1; p < parts.length; p++) {
                String e = fold(parts[p]);
                if (e.isEmpty() || !LATIN.matcher(e).find()) {
                    throw new IllegalArgumentException(at + "column " + (p + 1) + " must be English: " + parts[p].strip());
                }
                en.add(e);
            }
            result.add(new Term(ja, List.copyOf(en)));
        }
        return result;
    }

    /** NFKC + lower case + single spaces, the form queries are compared in. */
    public static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
