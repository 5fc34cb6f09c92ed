package jp.kakehashi.align;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One link of an alignment: source sentences {@code [sourceFrom, sourceTo)} translated by target
 * sentences {@code [targetFrom, targetTo)}. Either side may be empty: a sentence left untranslated
 * (a link text, an attribution) or one the translator added.
 */
@Serdeable
public record Link(int sourceFrom, int sourceTo, int targetFrom, int targetTo) {
    public Link {
        if (sourceFrom < 0 || sourceTo < sourceFrom || targetFrom < 0 || targetTo < targetFrom
                || sourceTo == sourceFrom && targetTo == targetFrom) {
            throw new IllegalArgumentException("not a link: " + sourceFrom + "-" + sourceTo + "=" + targetFrom + "-" + targetTo);
        }
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

    private static String range(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(i == from ? "" : "+").append(i);
        }
        return s.toString();
    }
}
