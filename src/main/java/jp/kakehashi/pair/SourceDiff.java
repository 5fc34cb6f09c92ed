package jp.kakehashi.pair;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed in a text, as equal/delete/insert runs for the history and review views. Short texts
 * are compared per unit: a Latin word (with its digits, apostrophes and hyphens) is one unit, so
 * "disaster" replaced by "demographic" reads as one word replaced, not as {@code dis|pa|st|nde|r};
 * anything else (Japanese has no spaces) is one unit per character (code point). Long texts are
 * compared per line, which keeps Myers' O((N+M)·D) bounded on a 50,000-character body that was
 * rewritten wholesale.
 */
public final class SourceDiff {
    static final int CHARACTER_LIMIT = 5_000;
    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile(
            "[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F'’\\-]*[A-Za-z0-9\u00C0-\u024F])?|\\s+|(?s).",
            java.util.regex.Pattern.UNICODE_CASE);

    private SourceDiff() {
    }

    @Serdeable
    public record Op(String op, String text) {
    }

    public static List<Op> between(String before, String after) {
        boolean fine = before.length() <= CHARACTER_LIMIT && after.length() <= CHARACTER_LIMIT;
        List<String> a = fine ? units(before) : before.lines().map(l -> l + "\n").toList();
        List<String> b = fine ? units(after) : after.lines().map(l -> l + "\n").toList();
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

    /** Latin words and runs of white space whole, every other code point alone (regex "." is one). */
    static List<String> units(String s) {
        List<String> units = new ArrayList<>();
        java.util.regex.Matcher m = UNIT.matcher(s);
        while (m.find()) {
            units.add(m.group());
        }
        return units;
    }
}
