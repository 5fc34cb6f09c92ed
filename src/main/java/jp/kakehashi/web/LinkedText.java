package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text with its web addresses as links, for a page to render piece by piece with th:text and
 * th:href: no markup of the text ever reaches the page, and only http and https become links (a
 * {@code javascript:} address stays text). Punctuation that ends a sentence is not part of a link.
 */
final class LinkedText {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'「」『』（）()、。]+");
    private static final String TRAILING = ".,;:!?)]}";

    private LinkedText() {
    }

    /** A run of text, a link when {@code href} is set. */
    record Piece(String text, @Nullable String href) {
    }

    static List<Piece> of(String text) {
        List<Piece> pieces = new ArrayList<>();
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (m.start() > at) {
                pieces.add(new Piece(text.substring(at, m.start()), null));
            }
            String url = text.substring(m.start(), end);
            pieces.add(new Piece(url, url));
            at = end;
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), null));
        }
        return pieces;
    }
}
