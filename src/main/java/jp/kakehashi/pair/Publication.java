package jp.kakehashi.pair;

import jp.kakehashi.office.Office;
import jp.kakehashi.security.Staff;

/**
 * What an approval may publish beyond the pair's own row: offices that release item by item publish a
 * translation as soon as it is approved, once its bulletin's source edition is out. Implemented where
 * bulletins live, so that this package does not depend on them; both calls run inside the approval's
 * transaction.
 */
public interface Publication {
    /**
     * Called before the pair's row is written: takes the bulletin's lock first (the order a bulletin
     * release takes them in, so the two never deadlock) and says whether this approval publishes.
     */
    boolean publishesOnApproval(Pair pair, Office office);

    /** Publishes the approved pair; its bulletin becomes RELEASED when nothing else is left to publish. */
    Pair publish(Pair approved, Staff who);
}
