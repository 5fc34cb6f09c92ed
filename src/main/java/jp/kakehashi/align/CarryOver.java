package jp.kakehashi.align;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.kakehashi.segment.Segmenter;

/**
 * A draft carried over to a revised source: the translation of every source sentence the revision
 * left unchanged is kept, and only new or changed sentences need work, as a CAT tool keeps the
 * confirmed segments of an updated file. The two sources are compared sentence by sentence (Myers'
 * diff); a link of the old draft is kept when all its source sentences are unchanged and still
 * side by side, with the sentences a translator added after it. The result is rows for
 * {@link Composition}, so the carried draft is made and stored like any other.
 */
public final class CarryOver {
    private CarryOver() {
    }

    /**
     * {@code changed}: indexes of the new source's sentences that need translating: new or changed
     * ones, and unchanged ones whose old translation was shared with a sentence that changed.
     */
    public record Carried(List<Composition.Row> rows, Set<Integer> changed) {
    }

    public static Carried carry(Aligner.Alignment old, String newSource, String sourceLang) {
        List<Segmenter.Segment> sentences = Segmenter.split(newSource, sourceLang);
        int[] oldToNew = unchanged(old.source(), sentences);
        // what each new sentence starts: a kept link (its index), or nothing
        int[] keptLinkAt = new int[sentences.size()];
        Arrays.fill(keptLinkAt, -1);
        // an unchanged sentence the old draft deliberately left out (a link text) needs no work either
        boolean[] leftOut = new boolean[sentences.size()];
        List<Link> links = old.links();
        for (int k = 0; k < links.size(); k++) {
            Link l = links.get(k);
            if (l.sources() > 0 && l.targets() == 0 && oldToNew[l.sourceFrom()] >= 0) {
                leftOut[oldToNew[l.sourceFrom()]] = true;
            }
            if (l.sources() == 0 || l.targets() == 0) {
                continue;
            }
            int first = oldToNew[l.sourceFrom()];
            boolean kept = first >= 0;
            for (int i = l.sourceFrom(); kept && i < l.sourceTo(); i++) {
                kept = oldToNew[i] == first + i - l.sourceFrom();
            }
            if (kept) {
                keptLinkAt[first] = k;
            }
        }
        List<Composition.Row> rows = new ArrayList<>();
        Set<Integer> changed = new TreeSet<>();
        for (int j = 0; j < sentences.size(); ) {
            int k = keptLinkAt[j];
            if (k < 0) {
                rows.add(new Composition.Row(String.valueOf(j), ""));
                if (!leftOut[j]) {
                    changed.add(j);
                }
                j++;
                continue;
            }
            Link l = links.get(k);
            rows.add(new Composition.Row(Link.range(j, j + l.sources()), old.targetOf(l)));
            // sentences the translator added after this one stay with it
            for (int a = k + 1; a < links.size() && links.get(a).sources() == 0; a++) {
                rows.add(new Composition.Row("", old.targetOf(links.get(a))));
            }
            j += l.sources();
        }
        return new Carried(rows, changed);
    }

    /** For each old sentence, the index of the same sentence in the new source, or -1. */
    private static int[] unchanged(List<Segmenter.Segment> before, List<Segmenter.Segment> after) {
        int[] map = new int[before.size()];
        Arrays.fill(map, -1);
        List<String> a = before.stream().map(s -> s.text().strip()).toList();
        List<String> b = after.stream().map(s -> s.text().strip()).toList();
        for (AbstractDelta<String> d : DiffUtils.diff(a, b, true).getDeltas()) {
            if (d.getType() == DeltaType.EQUAL) {
                for (int i = 0; i < d.getSource().size(); i++) {
                    map[d.getSource().getPosition() + i] = d.getTarget().getPosition() + i;
                }
            }
        }
        return map;
    }
}
