package jp.kakehashi.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import jp.kakehashi.analysis.BilingualTerms;
import jp.kakehashi.system.Assets;
import org.junit.jupiter.api.Test;

/**
 * The aligner on {@code judged-ja-en.txt} (≥ 150 paragraph pairs with merges, splits and
 * omissions) beside pairing by position, scored by link F1: a link counts when both its sides are
 * exactly the judged ones. Prints both; docs/design/alignment.md keeps the latest figures.
 */
class AlignerJudgedSetTest {
    private static final Aligner ALIGNER = new Aligner(new BilingualTerms(Assets.packaged()));

    record Block(String name, List<String> ja, List<String> en, Set<String> links) {
    }

    record Score(int found, int right, int judged) {
        double f1() {
            return 2.0 * right / (found + judged);
        }
    }

    @Test
    void theAlignerFindsTheJudgedLinksFarBetterThanPosition() throws IOException {
        List<Block> blocks = judged();
        assertTrue(blocks.size() >= 150, blocks.size() + " blocks");
        Score aligned = score(blocks, b -> ALIGNER.align(b.ja(), "ja", b.en(), "en"));
        Score position = score(blocks, b -> byPosition(b.ja().size(), b.en().size()));
        System.out.printf("alignment on %d paragraph pairs, %d judged links: aligner F1 %.3f (%d of %d found right),"
                        + " position F1 %.3f (%d of %d)%n", blocks.size(), aligned.judged(), aligned.f1(), aligned.right(),
                aligned.found(), position.f1(), position.right(), position.found());
        for (Block b : blocks) {
            Set<String> found = strings(ALIGNER.align(b.ja(), "ja", b.en(), "en"));
            if (!found.equals(b.links())) {
                System.out.println(b.name() + ": judged " + b.links() + " found " + found);
            }
        }
        assertTrue(aligned.f1() >= 0.9, "aligner F1 " + aligned.f1());
        assertTrue(position.f1() < 0.6, "the set has the merges and omissions that defeat position: " + position.f1());
    }

    @Test
    void aMergeASplitAndAnOmittedLinkTextAreLinkedAsTranslated() {
        List<String> ja = List.of("八戸市の物産展が開かれた。", "多くの市民が訪れた。",
                "会場では地元企業10社が商品を紹介し、商談会も行われた。", "詳しくはこちら。", "（パリ事務所）");
        List<String> en = List.of("A Hachinohe City products fair was held and drew many residents.",
                "Ten local companies presented their products at the venue.", "Business meetings were also held.",
                "(Paris Office)");
        assertEquals(List.of("0+1=0", "2=1+2", "3=", "4=3"),
                ALIGNER.align(ja, "ja", en, "en").stream().map(Link::toString).toList());
    }

    @Test
    void emptySidesAlignToNullLinksAndNothingAlignsToNothing() {
        assertEquals(List.of(), ALIGNER.align(List.of(), "ja", List.of(), "en"));
        assertEquals(List.of("0=", "1="), ALIGNER.align(List.of("あ。", "い。"), "ja", List.of(), "en").stream()
                .map(Link::toString).toList());
        assertEquals(List.of("=0"), ALIGNER.align(List.of(), "ja", List.of("Yes."), "en").stream()
                .map(Link::toString).toList());
    }

    private static Score score(List<Block> blocks, Function<Block, List<Link>> aligner) {
        int found = 0;
        int right = 0;
        int judged = 0;
        for (Block b : blocks) {
            Set<String> links = strings(aligner.apply(b));
            found += links.size();
            judged += b.links().size();
            links.retainAll(b.links());
            right += links.size();
        }
        return new Score(found, right, judged);
    }

    private static List<Link> byPosition(int n, int m) {
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < Math.max(n, m); i++) {
            links.add(new Link(Math.min(i, n), i < n ? i + 1 : n, Math.min(i, m), i < m ? i + 1 : m));
        }
        return links;
    }

    private static Set<String> strings(List<Link> links) {
        Set<String> s = new HashSet<>();
        links.forEach(l -> s.add(l.toString()));
        return s;
    }

    private static List<Block> judged() throws IOException {
        String text;
        try (InputStream in = AlignerJudgedSetTest.class.getResourceAsStream("judged-ja-en.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Block> blocks = new ArrayList<>();
        String name = null;
        List<String> ja = null;
        List<String> en = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# ")) {
                name = line.substring(2);
            } else if (line.startsWith("ja\t")) {
                ja = sentences(line);
            } else if (line.startsWith("en\t")) {
                en = sentences(line);
            } else if (line.startsWith("links\t")) {
                blocks.add(new Block(name, ja, en, new HashSet<>(Arrays.asList(line.substring(6).split(" ")))));
            }
        }
        return blocks;
    }

    private static List<String> sentences(String line) {
        String s = line.substring(line.indexOf('\t') + 1);
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(" \\| "));
    }
}
