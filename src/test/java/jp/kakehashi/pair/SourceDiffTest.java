package jp.kakehashi.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Diffs read as a reviewer reads them: English by words, Japanese by characters, nothing lost. */
class SourceDiffTest {
    static String side(List<SourceDiff.Op> ops, String kind) {
        return ops.stream().filter(o -> o.op().equals("equal") || o.op().equals(kind)).map(SourceDiff.Op::text)
                .collect(Collectors.joining());
    }

    @Test
    void anEnglishWordReplacedReadsAsOneWordNotAsLetters() {
        List<SourceDiff.Op> ops = SourceDiff.between("a disaster drill in Shirakawa", "a demographic drill in Shirakawa");
        assertEquals(List.of(new SourceDiff.Op("equal", "a "), new SourceDiff.Op("delete", "disaster"),
                new SourceDiff.Op("insert", "demographic"), new SourceDiff.Op("equal", " drill in Shirakawa")), ops);
        assertEquals(List.of(new SourceDiff.Op("equal", "the "), new SourceDiff.Op("delete", "sister-city"),
                new SourceDiff.Op("insert", "twin-town"), new SourceDiff.Op("equal", " link")),
                SourceDiff.between("the sister-city link", "the twin-town link"));
    }

    @Test
    void japaneseIsComparedCharacterByCharacter() {
        assertEquals(List.of(new SourceDiff.Op("equal", "白河市の"), new SourceDiff.Op("delete", "職員"),
                new SourceDiff.Op("insert", "市長"), new SourceDiff.Op("equal", "がパリを訪問")),
                SourceDiff.between("白河市の職員がパリを訪問", "白河市の市長がパリを訪問"));
    }

    @Test
    void randomTextsDiffBackToBothSidesAndSurrogatePairsStayWhole() {
        String[] parts = {"a", "word", " ", "白", "河", "😀", "-", "'", "9", "\n", "é", "の", ",", "𠮷"};
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                a.append(parts[random.nextInt(parts.length)]);
                b.append(parts[random.nextInt(parts.length)]);
            }
            List<SourceDiff.Op> ops = SourceDiff.between(a.toString(), b.toString());
            assertEquals(a.toString(), side(ops, "delete"));
            assertEquals(b.toString(), side(ops, "insert"));
            for (SourceDiff.Op op : ops) {
                assertEquals(false, Character.isLowSurrogate(op.text().charAt(0)), "a split surrogate pair: " + ops);
            }
        }
    }
}
