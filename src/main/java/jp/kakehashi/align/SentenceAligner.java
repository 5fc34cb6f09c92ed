package jp.kakehashi.align;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gale and Church's length-based sentence alignment (1993), extended with anchors. Dynamic
 * programming over links of 1:1, 2:1, 1:2, 1:0, 0:1 and 2:2 sentences; a link's cost is minus the log
 * of its kind's prior and of the probability that its sides' lengths differ as much as they do.
 * Lengths are characters without spaces; the expected ratio of target to source characters is
 * the text's own (Japanese and English differ by a factor of two to three, and by writer), so no
 * language-pair constant is needed. Then anchors ({@link Anchors}): each anchor both sides of a
 * link share lowers its cost, each one a side has alone (and that the other text has somewhere)
 * raises it. Lengths alone mistake a short link text for the end of a merged sentence; numbers,
 * names and terms do not.
 */
public final class SentenceAligner {
    private static final int BAND = 30;

    private enum Kind {
        ONE_ONE(1, 1), TWO_ONE(2, 1), ONE_TWO(1, 2), ONE_ZERO(1, 0), ZERO_ONE(0, 1), TWO_TWO(2, 2);

        final int s;
        final int t;

        Kind(int s, int t) {
            this.s = s;
            this.t = t;
        }
    }

    /**
     * The model: priors of the kinds of link (1:1, 2:1 and 1:2, 1:0 and 0:1, 2:2), the variance of
     * target length per expected character, the cost per character left out, and what a shared or
     * lone anchor is worth. {@link #DEFAULT} was fitted on the judged set (docs/design/alignment.md).
     */
    public record Params(double oneOne, double merge, double omit, double add, double twoTwo, double variance,
                         double omitted, double shared, double alone) {
        double prior(Kind k) {
            return -Math.log(switch (k) {
                case ONE_ONE -> oneOne;
                case TWO_ONE, ONE_TWO -> merge;
                case ONE_ZERO -> omit;
                case ZERO_ONE -> add;
                case TWO_TWO -> twoTwo;
            });
        }
    }

    public static final Params DEFAULT = new Params(0.80, 0.1, 0.1, 0.02, 0.001, 8.0, 0.01, 1.0, 3.0);

    private SentenceAligner() {
    }

    /**
     * A sentence to align: its length in characters, its anchors, and whether it stands alone (an
     * attribution, a link text, a caption: translated on its own or left out, never merged).
     */
    public record Sentence(int length, Set<String> anchors, boolean alone) {
    }

    public static List<Link> align(List<Sentence> source, List<Sentence> target) {
        return align(source, target, DEFAULT);
    }

    public static List<Link> align(List<Sentence> source, List<Sentence> target, Params p) {
        int n = source.size();
        int m = target.size();
        double ratio = ratio(source, target);
        Set<String> relevant = anchors(source);
        relevant.retainAll(anchors(target));
        double[][] cost = new double[n + 1][m + 1];
        Kind[][] back = new Kind[n + 1][m + 1];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        // a band around the diagonal bounds the work on long texts; wide enough for every
        // merge, split and omission that keeps the texts' sentence counts this far apart
        int band = Math.max(BAND, 2 * Math.abs(n - m) + BAND);
        for (int i = 0; i <= n; i++) {
            int centre = n == 0 ? 0 : (int) ((long) i * m / n);
            for (int j = Math.max(0, centre - band); j <= Math.min(m, centre + band); j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                for (Kind k : Kind.values()) {
                    if (i < k.s || j < k.t || cost[i - k.s][j - k.t] == Double.POSITIVE_INFINITY
                            || k.s + k.t > 2 && (standsAlone(source.subList(i - k.s, i))
                            || standsAlone(target.subList(j - k.t, j)))) {
                        continue;
                    }
                    double c = cost[i - k.s][j - k.t]
                            + linkCost(k, source.subList(i - k.s, i), target.subList(j - k.t, j), ratio, relevant, p);
                    if (c < cost[i][j]) {
                        cost[i][j] = c;
                        back[i][j] = k;
                    }
                }
            }
        }
        List<Link> links = new ArrayList<>();
        for (int i = n, j = m; i > 0 || j > 0; ) {
            Kind k = back[i][j];
            links.add(new Link(i - k.s, i, j - k.t, j));
            i -= k.s;
            j -= k.t;
        }
        Collections.reverse(links);
        return links;
    }

    private static double linkCost(Kind k, List<Sentence> s, List<Sentence> t, double ratio, Set<String> relevant,
                                   Params p) {
        double expected = ratio * s.stream().mapToInt(Sentence::length).sum();
        int actual = t.stream().mapToInt(Sentence::length).sum();
        double c;
        if (k.s == 0 || k.t == 0) {
            // Gale and Church score a deletion by the same length difference, which makes leaving out
            // even a short link text dearer than gluing it to a neighbour's link: a cost that grows with
            // the length left out keeps omissions to what translators omit, short lines.
            c = p.prior(k) + p.omitted() * (expected + actual) / Math.sqrt(ratio);
        } else {
            double delta = (actual - expected) / Math.sqrt(Math.max(1.0, (expected + actual) / 2) * p.variance());
            c = p.prior(k) - Math.log(Math.max(1e-300, 2 * (1 - phi(Math.abs(delta)))));
        }
        Set<String> a = anchors(s);
        Set<String> b = anchors(t);
        a.retainAll(relevant);
        b.retainAll(relevant);
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return c - p.shared() * shared.size() + p.alone() * (a.size() + b.size() - 2 * shared.size());
    }

    private static boolean standsAlone(List<Sentence> sentences) {
        return sentences.stream().anyMatch(Sentence::alone);
    }

    private static Set<String> anchors(List<Sentence> sentences) {
        Set<String> all = new HashSet<>();
        sentences.forEach(x -> all.addAll(x.anchors()));
        return all;
    }

    private static double ratio(List<Sentence> source, List<Sentence> target) {
        long s = source.stream().mapToLong(Sentence::length).sum();
        long t = target.stream().mapToLong(Sentence::length).sum();
        return s == 0 || t == 0 ? 1.0 : (double) t / s;
    }

    /** The standard normal distribution function (Abramowitz and Stegun 26.2.17, error below 7.5e-8). */
    static double phi(double z) {
        double t = 1 / (1 + 0.2316419 * z);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return 1 - Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
    }
}
