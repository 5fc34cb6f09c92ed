package jp.kakehashi.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SegmenterTest {

    /** The cases of {@code segmentation-tests.txt}: language, text, expected sentences. */
    static Stream<Arguments> goldenCases() throws IOException {
        try (InputStream in = SegmenterTest.class.getResourceAsStream("segmentation-tests.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", -1))
                    .map(f -> Arguments.of(f[0], f[1].replace("\\n", "\n"), Arrays.asList(f[2].split(" \\| "))))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("goldenCases")
    void textsSplitIntoTheGoldenSentencesWithOffsetsIntoTheText(String lang, String text, List<String> expected) {
        List<Segmenter.Segment> segments = Segmenter.split(text, lang);
        assertEquals(expected, segments.stream().map(Segmenter.Segment::text).toList());
        for (Segmenter.Segment s : segments) {
            assertEquals(s.text(), text.substring(s.start(), s.end()), "offsets point into the text");
        }
    }

    @Test
    void emptyTextHasNoSegmentsAndRandomTextNeverThrows() {
        assertEquals(List.of(), Segmenter.split("  \n ", "ja"));
        assertEquals(List.of(), Segmenter.split(null, "en"));
        Random random = new Random(42);
        String alphabet = "。！？「」『』（）.!? \n\tabcXYZ白河市パリ\uD83D\uDE00\u0301\u200B";
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (String lang : new String[] {"ja", "en"}) {
                for (Segmenter.Segment seg : Segmenter.split(s.toString(), lang)) {
                    assertEquals(seg.text(), s.substring(seg.start(), seg.end()));
                    assertTrue(!seg.text().isBlank());
                }
            }
        }
    }
}
