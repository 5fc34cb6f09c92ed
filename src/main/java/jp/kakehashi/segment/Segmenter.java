package jp.kakehashi.segment;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sentences of a text with ICU4J's sentence {@link BreakIterator}: for Japanese it ends sentences
 * at 。！？ and keeps a closing 」 with its sentence; for English ICU's CLDR exceptions are extended
 * with {@code analyzers/segment/nobreak_en.txt} and every single capital letter, so "Mr. Sato",
 * "No. 5" and "J. Smith" stay whole. Offsets are UTF-16 indexes into the original text, with the
 * surrounding white space left out. Sentences never cross a line, and a heading's or list item's
 * marker and a table row's pipes are not part of them ({@link Blocks}). Break iterators are not
 * thread-safe: each call builds its own from a shared, immutable prototype by cloning.
 */
public final class Segmenter {
    private static final BreakIterator JAPANESE = BreakIterator.getSentenceInstance(ULocale.JAPANESE);
    private static final BreakIterator ENGLISH = english();
    private static final String OPEN = "「『（(“【［〈《";
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+");
    private static final Set<String> ABBREVIATIONS = Set.copyOf(
            lines().stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
    private static final String CLOSE = "」』）)”】］〉》";

    private Segmenter() {
    }

    @Serdeable
    public record Segment(int index, int start, int end, String text) {
    }

    public static List<Segment> split(String text, String lang) {
        List<Segment> segments = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return segments;
        }
        boolean japanese = "ja".equals(lang);
        BreakIterator it = (BreakIterator) (japanese ? JAPANESE : ENGLISH).clone();
        for (Blocks.Block block : Blocks.of(text)) {
            for (int[] range : block.content()) {
                if (range[0] < range[1]) {
                    split(text, range[0], range[1], japanese, it, segments);
                }
            }
        }
        return segments;
    }

    /** The sentences of one block's content range (a line without its marker, or a cell). */
    private static void split(String text, int from, int to, boolean japanese, BreakIterator it, List<Segment> segments) {
        it.setText(text.substring(from, to));
        int first = segments.size();
        int start = from;
        for (int boundary = it.next(); boundary != BreakIterator.DONE; boundary = it.next()) {
            int end = from + boundary;
            // UAX #29 counts an opening bracket as "Close", so 。「 and 。【 keep it on the sentence before.
            while (japanese && end < to && end > start + 1 && OPEN.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (!japanese && end < to && abbreviationBefore(text, end)) {
                continue;
            }
            int s = start;
            int e = end;
            start = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (s >= e) {
                continue;
            }
            Segment last = segments.size() > first ? segments.getLast() : null;
            if (last != null && japanese && continues(text, last, s)) {
                segments.set(segments.size() - 1, new Segment(last.index(), last.start(), e, text.substring(last.start(), e)));
            } else {
                segments.add(new Segment(segments.size(), s, e, text.substring(s, e)));
            }
        }
    }

    /**
     * "Mr. Sato", "Dr. J. Smith", "the U.S. team": a boundary right after a word of
     * {@code nobreak_en.txt} or after initials is no boundary. (Feeding the same list to ICU's filter
     * was not enough: it still broke after "J." in "Dr. J. Smith".)
     */
    private static boolean abbreviationBefore(String text, int boundary) {
        int e = boundary;
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        int s = e;
        while (s > 0 && !Character.isWhitespace(text.charAt(s - 1))) {
            s--;
        }
        String word = text.substring(s, e);
        return INITIALS.matcher(word).matches() || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * ICU ends a Japanese sentence at 。 inside a quotation (「こんにちは。元気？」と言った。) and
     * after a closing quote that the sentence goes on from: a particle (「ようこそ。」と述べた。) or a
     * word (『日本の祭り。』展を開催。, a title); each is one sentence. A quote followed by another
     * quote (「はい。」「いいえ。」) is two.
     */
    private static boolean continues(String text, Segment previous, int next) {
        int depth = 0;
        for (int i = previous.start(); i < previous.end(); i++) {
            char c = text.charAt(i);
            depth += OPEN.indexOf(c) >= 0 ? 1 : CLOSE.indexOf(c) >= 0 ? -1 : 0;
        }
        if (depth > 0) {
            return true;
        }
        char last = text.charAt(previous.end() - 1);
        return next == previous.end() && CLOSE.indexOf(last) >= 0 && japaneseWord(text.charAt(next));
    }

    private static boolean japaneseWord(char c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.HIRAGANA || b == Character.UnicodeBlock.KATAKANA
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A;
    }

    /** ICU's own English exceptions (CLDR); the project's list and initials are {@link #abbreviationBefore}. */
    private static BreakIterator english() {
        return FilteredBreakIteratorBuilder.getInstance(ULocale.ENGLISH)
                .wrapIteratorWithFilter(BreakIterator.getSentenceInstance(ULocale.ENGLISH));
    }

    private static List<String> lines() {
        try (InputStream in = Segmenter.class.getResourceAsStream("/analyzers/segment/nobreak_en.txt")) {
            if (in == null) {
                throw new IllegalStateException("analyzers/segment/nobreak_en.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
