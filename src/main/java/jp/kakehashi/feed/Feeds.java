package jp.kakehashi.feed;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.bulletin.Bulletin;
import jp.kakehashi.bulletin.BulletinReader;
import jp.kakehashi.bulletin.BulletinRepository;
import jp.kakehashi.bulletin.BulletinView;
import jp.kakehashi.i18n.Messages;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.pair.PairView;
import jp.kakehashi.search.SearchRequest;
import jp.kakehashi.search.SearchResult;
import jp.kakehashi.search.SearchService;

/**
 * What the feeds hold: the items readers have, in one language, newest first. Everything is read
 * as a reader reads it ({@link BulletinReader} without staff rights), so a feed never holds a word
 * the reader pages would not show: an item appears in Japanese once its original is released, in
 * English once its translation is (or when English is the original).
 */
@Singleton
class Feeds {
    static final int MAX_ENTRIES = 50;
    private static final int BULLETINS = 30;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String TAG = "tag:kakehashi,2026:";
    private final BulletinRepository bulletins;
    private final BulletinReader reader;
    private final SearchService search;
    private final OfficeDirectory offices;
    private final Messages messages;

    Feeds(BulletinRepository bulletins, BulletinReader reader, SearchService search, OfficeDirectory offices,
          Messages messages) {
        this.bulletins = bulletins;
        this.reader = reader;
        this.search = search;
        this.offices = offices;
        this.messages = messages;
    }

    /** The newest released items, of one office or all. */
    Feed bulletins(String lang, String office, String self) {
        Map<String, String> names = officeNames(lang);
        List<Feed.Entry> entries = new ArrayList<>();
        var page = bulletins.findByStateIn(List.of(Bulletin.BulletinState.SOURCE_RELEASED,
                Bulletin.BulletinState.RELEASED), Pageable.from(0, BULLETINS,
                Sort.of(Sort.Order.desc("publishedOn"), Sort.Order.desc("id"))));
        for (Bulletin b : page.getContent()) {
            BulletinView view = reader.bulletin(b.id(), false);
            for (PairView p : view.pairs()) {
                if (office == null || office.equals(p.office())) {
                    entry(view, p, lang, names).ifPresent(entries::add);
                }
            }
        }
        String title = office == null ? text(lang, "feed.bulletins", Map.of())
                : text(lang, "feed.office", Map.of("office", names.getOrDefault(office, office)));
        return feed("bulletins/" + lang + (office == null ? "" : "/" + office), lang, title, self,
                "/?lang=" + lang + (office == null ? "" : "&office=" + office), entries);
    }

    /** A saved search: the newest of its first results, as readers would find them. */
    Feed search(String q, String lang, String office, String self, String alternate) {
        SearchResult found = search.search(new SearchRequest(q, office, null, null, null, null, 0, MAX_ENTRIES, false));
        Map<String, String> names = officeNames(lang);
        Map<Long, BulletinView> read = new HashMap<>();
        List<Feed.Entry> entries = new ArrayList<>();
        for (SearchResult.Hit hit : found.hits()) {
            BulletinView view = read.computeIfAbsent(hit.bulletinId(), id -> reader.bulletin(id, false));
            view.pairs().stream().filter(p -> p.id() == hit.pairId()).findFirst()
                    .flatMap(p -> entry(view, p, lang, names)).ifPresent(entries::add);
        }
        return feed("search/" + lang + "/" + jp.kakehashi.system.Hashes.sha256(q + "\u0000" + office), lang,
                text(lang, "feed.search", Map.of("q", q)), self, alternate, entries);
    }

    private Feed feed(String id, String lang, String title, String self, String alternate, List<Feed.Entry> entries) {
        List<Feed.Entry> newest = entries.stream().sorted(Comparator.comparing(Feed.Entry::published)
                .thenComparing(Feed.Entry::updated).reversed()).limit(MAX_ENTRIES).toList();
        return new Feed(TAG + "feed/" + id, lang, title, text(lang, "page.siteName", Map.of()), self, alternate,
                newest);
    }

    /** The item in {@code lang} if readers have that side of it. */
    private Optional<Feed.Entry> entry(BulletinView b, PairView p, String lang, Map<String, String> officeNames) {
        String title;
        String body;
        Instant released;
        if (p.sourceLang().equals(lang)) {
            title = p.source().title();
            body = p.source().body();
            released = b.sourceReleasedAt() != null ? b.sourceReleasedAt() : b.releasedAt();
        } else if (p.targetLang().equals(lang) && p.target() != null) {
            title = p.target().title();
            body = p.target().body();
            released = b.releasedAt() != null ? b.releasedAt() : b.sourceReleasedAt();
        } else {
            return Optional.empty();
        }
        Instant published = b.publishedOn().atStartOfDay(TOKYO).toInstant();
        return Optional.of(new Feed.Entry(TAG + "pair/" + p.id() + "/" + lang, title,
                released == null ? published : released, published,
                "/bulletins/" + b.id() + "?lang=" + lang + "#pair-" + p.id(), p.office(),
                officeNames.getOrDefault(p.office(), p.office()),
                body));
    }

    /** Office code → name in {@code lang}, read once per feed (a query per entry was a query per item). */
    private Map<String, String> officeNames(String lang) {
        Map<String, String> names = new HashMap<>();
        offices.all().forEach(o -> names.put(o.code(), "ja".equals(lang) ? o.nameJa() : o.nameEn()));
        return names;
    }

    private String text(String lang, String key, Map<String, Object> args) {
        return messages.format(Locale.forLanguageTag(lang), key, args);
    }
}
