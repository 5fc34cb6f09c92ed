package jp.kakehashi.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The QA checks against a judged corpus ({@code qa/corpus_ja_en.tsv}): correct translations must
 * draw no finding at all, and the planted errors must be caught. Precision and recall per check go
 * to {@code target/qa-corpus.md}, the table docs/translate.md quotes.
 */
class QaCorpusTest {
    record Entry(String id, String direction, Set<String> expected, String source, String target) {
        boolean correct() {
            return id.startsWith("c");
        }
    }

    static List<Entry> corpus() throws IOException {
        try (InputStream in = QaCorpusTest.class.getResourceAsStream("/qa/corpus_ja_en.tsv")) {
            List<Entry> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Set<String> expected = "-".equals(f[2]) ? Set.of() : new TreeSet<>(Arrays.asList(f[2].split(",")));
                entries.add(new Entry(f[0], f[1], expected, f[3], f[4]));
            }
            return entries;
        }
    }

    static Set<String> found(Entry e) {
        String targetLang = e.direction().endsWith("en") ? "en" : "ja";
        return QaChecks.check(e.source(), "", e.target(), targetLang).stream().map(QaChecks.Issue::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void correctTranslationsDrawNoFindingAndPlantedErrorsAreCaught() throws IOException {
        List<Entry> entries = corpus();
        assertTrue(entries.stream().filter(Entry::correct).count() >= 70, "a corpus worth its name");
        Map<String, int[]> perCheck = new TreeMap<>(); // true positives, false positives, false negatives
        List<String> falseAlarms = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int planted = 0;
        int caught = 0;
        for (Entry e : entries) {
            Set<String> found = found(e);
            for (String code : found) {
                int[] c = perCheck.computeIfAbsent(code, k -> new int[3]);
                c[e.expected().contains(code) ? 0 : 1]++;
                if (!e.expected().contains(code)) {
                    falseAlarms.add(e.id() + " " + code + ": " + e.target());
                }
            }
            for (String code : e.expected()) {
                planted++;
                if (found.contains(code)) {
                    caught++;
                } else {
                    perCheck.computeIfAbsent(code, k -> new int[3])[2]++;
                    missed.add(e.id() + " " + code + ": " + e.target());
                }
            }
        }
        write(entries, perCheck, planted, caught);
        List<String> onCorrect = falseAlarms.stream().filter(a -> a.startsWith("c")).toList();
        assertEquals(List.of(), onCorrect, "findings on correct translations");
        assertTrue(caught >= Math.ceil(planted * 0.95), "planted errors caught: " + caught + " of " + planted
                + "; missed " + missed);
        assertEquals(List.of(), falseAlarms, "findings other than the planted ones");
    }

    private static void write(List<Entry> entries, Map<String, int[]> perCheck, int planted, int caught)
            throws IOException {
        StringBuilder md = new StringBuilder();
        long correct = entries.stream().filter(Entry::correct).count();
        md.append(String.format(Locale.ROOT, "Corpus: %d pairs (%d correct, %d with a planted error); planted errors"
                + " caught: %d of %d.%n%n", entries.size(), correct, entries.size() - correct, caught, planted));
        md.append("| check | caught | false alarms | missed | precision | recall |\n|---|---|---|---|---|---|\n");
        perCheck.forEach((code, c) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s |%n", code,
                c[0], c[1], c[2], ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]))));
        Path out = Path.of("target", "qa-corpus.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }

    private static String ratio(int n, int of) {
        return of == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * n / of);
    }
}
