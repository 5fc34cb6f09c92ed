package jp.kakehashi.bulletin.imports;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import jp.kakehashi.system.Assets;

/**
 * Lines of website chrome (navigation, contact blocks, map links) that a report copied from a web
 * page brings along, as rules in {@code analyzers/import/chrome.txt}: data an operator can extend
 * without a release ({@link Assets}), and a broken rule stops start-up with its line number rather
 * than silently keeping (or dropping) text.
 */
@Singleton
public final class ChromeRules {
    static final String PATH = "analyzers/import/chrome.txt";
    private final List<Pattern> rules;

    @Inject
    public ChromeRules(Assets assets) {
        this(assets.read(PATH));
    }

    ChromeRules(String file) {
        List<String> lines = file.lines().toList();
        this.rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String rule = lines.get(i).strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            try {
                rules.add(Pattern.compile(rule, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(PATH + ":" + (i + 1) + ": " + e.getDescription(), e);
            }
        }
    }

    public static ChromeRules packaged() {
        return new ChromeRules(Assets.packaged());
    }

    /** Whether a line, NFKC-folded and trimmed, is chrome. An empty line is not: it separates paragraphs. */
    public boolean isChrome(String normalizedLine) {
        return !normalizedLine.isEmpty() && rules.stream().anyMatch(r -> r.matcher(normalizedLine).matches());
    }
}
