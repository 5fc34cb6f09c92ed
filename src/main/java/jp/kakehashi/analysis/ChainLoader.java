package jp.kakehashi.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ResourceLoader;

/**
 * Builds an analyzer from a chain file in {@code analyzers/}: one step per line,
 * {@code charFilter|tokenizer|filter <SPI name> key=value …}, {@code #} comments. A wrong step,
 * unknown parameter or unreadable resource fails start-up naming the file and line.
 */
public final class ChainLoader {
    private ChainLoader() {
    }

    public static Analyzer load(ResourceLoader resources, String file) {
        String text = read(resources, file);
        CustomAnalyzer.Builder builder = CustomAnalyzer.builder(resources);
        String[] lines = text.split("\n", -1);
        boolean tokenizer = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "analyzers/" + file + ":" + (i + 1);
            String[] words = line.split("\\s+");
            if (words.length < 2) {
                throw new IllegalStateException(where + ": expected '<kind> <name> key=value…', got '" + line + "'");
            }
            Map<String, String> params = new HashMap<>();
            for (String kv : List.of(words).subList(2, words.length)) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException(where + ": parameter '" + kv + "' is not key=value");
                }
                params.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            try {
                switch (words[0]) {
                    case "charFilter" -> builder.addCharFilter(words[1], params);
                    case "tokenizer" -> {
                        builder.withTokenizer(words[1], params);
                        tokenizer = true;
                    }
                    case "filter" -> builder.addTokenFilter(words[1], params);
                    default -> throw new IllegalArgumentException("unknown step kind '" + words[0] + "'");
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }
        if (!tokenizer) {
            throw new IllegalStateException("analyzers/" + file + ": no tokenizer step");
        }
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("analyzers/" + file + ": " + e.getMessage(), e);
        }
    }

    public static String read(ResourceLoader resources, String file) {
        try (InputStream in = resources.openResource(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the cause's message is the one an operator acts on (not UTF-8, too large, refused path)
            throw new UncheckedIOException("analyzers/" + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
