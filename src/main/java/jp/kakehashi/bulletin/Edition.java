package jp.kakehashi.bulletin;

import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.pair.PairStatus;

/**
 * A bulletin in one language, as readers have it: how many of its items are out in that language.
 * {@code source}: the language the items were written in (a flash bulletin's Japanese); the other
 * edition holds their translations. A cancelled item belongs to neither.
 */
@Serdeable
public record Edition(String lang, boolean source, int released, int items) {

    /** The editions of a bulletin's pairs, source languages first; nothing is out while it is a draft. */
    static List<Edition> of(List<Pair> pairs, boolean isPublic) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Boolean> sources = new LinkedHashMap<>();
        List<Pair> live = pairs.stream().filter(p -> p.status() != PairStatus.CANCELLED).toList();
        for (Pair p : live) {
            sources.put(p.sourceLang(), true);
        }
        for (Pair p : live) {
            // after every source language, so the source editions come first
            sources.putIfAbsent(p.targetLang(), false);
            int[] s = counts.computeIfAbsent(p.sourceLang(), l -> new int[2]);
            int[] t = counts.computeIfAbsent(p.targetLang(), l -> new int[2]);
            s[1]++;
            t[1]++;
            s[0] += isPublic && p.released().sourceRevision() != null ? 1 : 0;
            t[0] += isPublic && p.released().targetRevision() != null ? 1 : 0;
        }
        List<Edition> editions = new ArrayList<>();
        sources.forEach((lang, source) -> editions.add(new Edition(lang, source, counts.get(lang)[0],
                counts.get(lang)[1])));
        return editions;
    }

    /** Every item of the edition is out. */
    public boolean complete() {
        return items > 0 && released == items;
    }
}
