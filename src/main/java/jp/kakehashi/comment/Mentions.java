package jp.kakehashi.comment;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The colleagues a comment names: {@code @username} where an account of that name exists, each once,
 * in order. An {@code @} after a character of an e-mail address's local part names nobody
 * (mail@example.org); after anything else it does, Japanese included: 確認@sato, as Japanese is
 * written without spaces, and the full-width ＠ a Japanese input method types. An unknown name stays text.
 */
final class Mentions {
    /** Usernames as accounts are made: letters, digits, dot, underscore, hyphen. */
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9._%+@＠-])[@＠]([A-Za-z0-9][A-Za-z0-9._-]{0,63})");
    static final int MAX = 20;

    private Mentions() {
    }

    static Set<String> in(String text, Predicate<String> exists) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find() && names.size() < MAX) {
            String name = m.group(1).replaceAll("[._-]+$", ""); // "@sato." ends a sentence
            if (exists.test(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
