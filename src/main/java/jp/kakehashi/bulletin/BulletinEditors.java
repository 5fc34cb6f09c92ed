package jp.kakehashi.bulletin;

import java.util.List;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.security.Staff;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/** Who may change a bulletin as a whole: an editor of every office it names, or of HQ. */
final class BulletinEditors {
    private BulletinEditors() {
    }

    static void require(Staff who, List<Pair> pairs) {
        List<String> notMine = pairs.stream().map(Pair::officeCode).distinct().filter(o -> !who.editorOf(o)).toList();
        if (!who.hqEditor() && !notMine.isEmpty()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Editors of every office of the bulletin only")
                    .with("offices", notMine);
        }
    }
}
