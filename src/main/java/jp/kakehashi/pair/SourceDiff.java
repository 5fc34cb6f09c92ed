package jp.kakehashi.pair;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed in a source text, as equal/delete/insert runs for the history view. Japanese has no
 * spaces, so short texts are compared per character (code point); long ones per line, which keeps
 * Myers' O((N+M)·D) bounded on a 50,000-character body that was rewritten wholesale.
 */
public final class SourceDiff {
    static final int CHARACTER_LIMIT = 5_000;

    private SourceDiff() {
    }

    @Serdeable
    public record Op(String op, String text) {
    }

    public static List<Op> between(String before, String after) {
        boolean fine = before.length() <= CHARACTER_LIMIT && after.length() <= CHARACTER_LIMIT;
        List<String> a = fine ? codePoints(before) : before.lines().map(l -> l + "\n").toList();
        List<String> b = fine ? codePoints(after) : after.lines().map(l -> l + "\n").toList();
        List<Op> ops = new ArrayList<>();
        for (AbstractDelta<String> d : DiffUtils.diff(a, b, true).getDeltas()) {
            if (d.getType() == DeltaType.EQUAL) {
                add(ops, "equal", d.getSource().getLines());
            } else {
                add(ops, "delete", d.getSource().getLines());
                add(ops, "insert", d.getTarget().getLines());
            }
        }
        return ops;
    }

    private static void add(List<Op> ops, String op, List<String> units) {
        if (units.isEmpty()) {
            return;
        }
        String text = String.join("", units);
        if (!ops.isEmpty() && ops.getLast().op().equals(op)) {
            ops.set(ops.size() - 1, new Op(op, ops.getLast().text() + text));
        } else {
            ops.add(new Op(op, text));
        }
    }

    private static List<String> codePoints(String s) {
        return s.codePoints().mapToObj(Character::toString).toList();
    }
}
