package jp.kakehashi.bulletin;

import com.ibm.icu.text.Normalizer2;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.bulletin.CreateBulletinCommand.PairCommand;

/**
 * A bulletin sent again with small edits (one "!" taken out of a title, a typo fixed) is the same
 * bulletin, not a new one. An item is a near-duplicate of a stored one of the same office and date
 * when their titles or their bodies are at least 90 % alike, measured as the Dice coefficient of
 * character bigrams after NFKC case folding and without white space: linear in the texts' length
 * (an edit distance on two 50,000-character bodies would not be), and one changed character in a
 * title of twenty moves it by about a tenth.
 */
final class NearDuplicates {
    static final double ALIKE = 0.9;
    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();

    private NearDuplicates() {
    }

    /** {@code item}: the new item's position (1-based); {@code existingId}: the stored bulletin. */
    @Serdeable
    record Match(int item, long existingId) {
    }

    static List<Match> find(List<PairCommand> items, List<ItemOnDay> stored) {
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            PairCommand p = items.get(i);
            for (ItemOnDay s : stored) {
                if (s.officeCode().equals(p.office()) && (alike(p.source().title(), s.title())
                        || alike(p.source().body(), s.body()))) {
                    matches.add(new Match(i + 1, s.bulletinId()));
                    break;
                }
            }
        }
        return matches;
    }

    static boolean alike(String a, String b) {
        return dice(a, b) >= ALIKE;
    }

    static double dice(String a, String b) {
        String x = fold(a);
        String y = fold(b);
        if (x.length() < 2 || y.length() < 2) {
            return x.equals(y) && !x.isEmpty() ? 1 : 0;
        }
        Map<String, Integer> bigrams = new HashMap<>();
        for (int i = 0; i + 1 < x.length(); i++) {
            bigrams.merge(x.substring(i, i + 2), 1, Integer::sum);
        }
        int shared = 0;
        for (int i = 0; i + 1 < y.length(); i++) {
            Integer n = bigrams.get(y.substring(i, i + 2));
            if (n != null && n > 0) {
                shared++;
                bigrams.put(y.substring(i, i + 2), n - 1);
            }
        }
        return 2.0 * shared / (x.length() - 1 + y.length() - 1);
    }

    private static String fold(String s) {
        return s == null ? "" : FOLD.normalize(s).replaceAll("\\s+", "");
    }
}
