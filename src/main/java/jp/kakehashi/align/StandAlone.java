package jp.kakehashi.align;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lines that translators translate on their own or leave out, and never merge with a sentence, by
 * their role: an item's attribution ({@code （パリ事務所）}, "(Paris Office)"), a link's text
 * ({@code 詳しくはこちら。}, "Click here for details."), a photo caption ({@code 写真：…}). The rules
 * are data, {@code analyzers/segment/standalone_ja.txt} and {@code standalone_en.txt}, so an office's
 * own wording can be added without a code change.
 */
public final class StandAlone {
    public enum Role { ATTRIBUTION, LINK_TEXT, CAPTION }

    private record Rule(Role role, Pattern pattern) {
    }

    private static final List<Rule> JAPANESE = rules("standalone_ja.txt", 0);
    private static final List<Rule> ENGLISH = rules("standalone_en.txt", Pattern.CASE_INSENSITIVE);

    private StandAlone() {
    }

    static boolean is(String sentence, String lang) {
        return role(sentence, lang).isPresent();
    }

    public static Optional<Role> role(String sentence, String lang) {
        String s = Normalizer.normalize(sentence, Normalizer.Form.NFKC).strip();
        for (Rule r : "ja".equals(lang) ? JAPANESE : ENGLISH) {
            if (r.pattern().matcher(s).matches()) {
                return Optional.of(r.role());
            }
        }
        return Optional.empty();
    }

    private static List<Rule> rules(String file, int flags) {
        try (InputStream in = StandAlone.class.getResourceAsStream("/analyzers/segment/" + file)) {
            if (in == null) {
                throw new IllegalStateException("analyzers/segment/" + file + " is missing from the classpath");
            }
            List<Rule> rules = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException("analyzers/segment/" + file + ": no tab in rule: " + line);
                }
                rules.add(new Rule(Role.valueOf(line.substring(0, tab).strip()),
                        Pattern.compile(line.substring(tab + 1).strip(), flags)));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
