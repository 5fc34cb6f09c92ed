package jp.kakehashi.align;

import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One link of an alignment: source sentences {@code [sourceFrom, sourceTo)} translated by target
 * sentences {@code [targetFrom, targetTo)}. Either side may be empty: a sentence left untranslated
 * (a link text, an attribution) or one the translator added.
 */
@Serdeable
public record Link(int sourceFrom, int sourceTo, int targetFrom, int targetTo) {
    private static final Pattern NOTATION = Pattern.compile("((?:\\d{1,5}(?:\\+\\d{1,5}){0,19})?)=((?:\\d{1,5}(?:\\+\\d{1,5}){0,19})?)");

    public Link {
        if (sourceFrom < 0 || sourceTo < sourceFrom || targetFrom < 0 || targetTo < targetFrom
                || sourceTo == sourceFrom && targetTo == targetFrom) {
            throw new IllegalArgumentException("not a link: " + sourceFrom + "-" + sourceTo + "=" + targetFrom + "-" + targetTo);
        }
    }

    /**
     * Links written as in the judged set ({@code "0+1=0"}, {@code "3="}, {@code "=4"}), checked to
     * cover {@code sources} and {@code targets} sentences each exactly once and in order: what a
     * person may give as the alignment of a draft. Throws {@link IllegalArgumentException} saying
     * what is wrong.
     */
    public static List<Link> parseAll(List<String> written, int sources, int targets) {
        List<Link> links = new ArrayList<>();
        int s = 0;
        int t = 0;
        for (String w : written) {
            Matcher m = NOTATION.matcher(w == null ? "" : w.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a link: " + w + " (write 0=0, 1+2=1, 3=, =4)");
            }
            int[] a = sentences(m.group(1));
            int[] b = sentences(m.group(2));
            if (a.length == 0 && b.length == 0 || !from(a, s) || !from(b, t)) {
                throw new IllegalArgumentException("link " + w + " does not continue at source " + s + ", target " + t);
            }
            links.add(new Link(s, s + a.length, t, t + b.length));
            s += a.length;
            t += b.length;
        }
        if (s != sources || t != targets) {
            throw new IllegalArgumentException("the links cover " + s + " of " + sources + " source and " + t + " of "
                    + targets + " target sentences");
        }
        return links;
    }

    /**
     * The sentence indexes one side of a link names, as written: "0+1" → 0, 1; "" → none. Anything but
     * numbers joined by + is a {@link NumberFormatException}; whether they follow each other is the caller's.
     */
    public static int[] sentences(String side) {
        return side.isEmpty() ? new int[0] : Arrays.stream(side.split("\\+")).mapToInt(Integer::parseInt).toArray();
    }

    /** Whether {@code a} is {@code start, start+1, …}. */
    private static boolean from(int[] a, int start) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != start + i) {
                return false;
            }
        }
        return true;
    }

    public int sources() {
        return sourceTo - sourceFrom;
    }

    public int targets() {
        return targetTo - targetFrom;
    }

    /** "1+2=1", "3=", "=4": the notation of the judged set. */
    @Override
    public String toString() {
        return range(sourceFrom, sourceTo) + "=" + range(targetFrom, targetTo);
    }

    /** One side of the notation: sentences {@code [from, to)} as "2+3+4", "" when empty. */
    public static String range(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(i == from ? "" : "+").append(i);
        }
        return s.toString();
    }
}
