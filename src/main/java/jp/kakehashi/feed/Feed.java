package jp.kakehashi.feed;

import java.time.Instant;
import java.util.List;

/**
 * An Atom feed as the service writes it: released items, newest first. Links are relative to the
 * feed's own address (Atom allows IRI references), so no host name from a request ends up in a
 * document that aggregators cache and pass on.
 */
record Feed(String id, String lang, String title, String author, String self, String alternate, List<Entry> entries) {

    /** One item of a bulletin in one language, as readers have it. */
    record Entry(String id, String title, Instant updated, Instant published, String link, String office,
                 String officeName, String text) {
    }

    /** The newest entry's time; a feed with none was last updated at the epoch (nothing ever changed). */
    Instant updated() {
        return entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
