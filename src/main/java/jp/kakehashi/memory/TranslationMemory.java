package jp.kakehashi.memory;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.segment.Segmenter;

/**
 * What goes into the memory. An approved pair gives its title and, when source and translation
 * have as many sentences, each sentence with its counterpart, in context (the sentences around it).
 * When the counts differ a sentence was merged or split and position no longer says which
 * translates which: a misaligned unit would be suggested with confidence and mislead, so only the
 * title is kept. A TMX file gives its Japanese–English units; other languages are skipped.
 */
@Singleton
public class TranslationMemory {
    private static final Pattern CONTEXT_KEY = Pattern.compile("[0-9a-f]{64}");
    private final MemoryWrites writes;
    private final TmRepository units;
    private final OfficeDirectory offices;

    TranslationMemory(MemoryWrites writes, TmRepository units, OfficeDirectory offices) {
        this.writes = writes;
        this.units = units;
        this.offices = offices;
    }

    /** The texts of an approved pair, as the approval's transaction read them. */
    public record Approved(long pairId, String office, String sourceLang, String targetLang, String sourceTitle,
                           String sourceBody, String targetTitle, String targetBody, String translatedBy,
                           String approvedBy) {
    }

    @Serdeable
    public record ImportResult(int units, int skipped, long total) {
    }

    /** Called inside the approval's transaction: the units commit or roll back with it. */
    public void remember(Approved a) {
        Instant now = Instant.now();
        List<TmEntry> entries = new ArrayList<>();
        entries.add(entry(a, a.sourceTitle(), a.targetTitle(), Similarity.contextKey("", ""), now));
        List<Segmenter.Segment> source = Segmenter.split(a.sourceBody(), a.sourceLang());
        List<Segmenter.Segment> target = Segmenter.split(a.targetBody(), a.targetLang());
        if (source.size() == target.size()) {
            for (int i = 0; i < source.size(); i++) {
                entries.add(entry(a, source.get(i).text(), target.get(i).text(), Similarity.contextKey(source, i), now));
            }
        }
        writes.upsert(entries.stream().filter(TmEntry::usable).toList());
    }

    private static TmEntry entry(Approved a, String source, String target, String context, Instant now) {
        return new TmEntry(a.sourceLang(), a.targetLang(), source.strip(), target.strip(),
                context, a.office(), a.pairId(), TmUnit.Origin.APPROVED,
                a.translatedBy(), a.approvedBy(), now);
    }

    /** A whole file in one transaction; units already in the memory keep their provenance. */
    public ImportResult importTmx(byte[] tmx, String importer) {
        List<TmEntry> entries = new ArrayList<>();
        int skipped = 0;
        Instant now = Instant.now();
        for (TmxFormat.Unit u : TmxFormat.read(tmx)) {
            TmEntry e = entry(u, importer, now);
            if (e != null && e.usable()) {
                entries.add(e);
            } else {
                skipped++;
            }
        }
        writes.insertNew(entries);
        return new ImportResult(entries.size(), skipped, units.count());
    }

    private TmEntry entry(TmxFormat.Unit u, String importer, Instant now) {
        String ja = u.text("ja");
        String en = u.text("en");
        if (ja == null || en == null) {
            return null;
        }
        boolean fromEnglish = u.srclang().startsWith("en");
        String context = u.context() != null && CONTEXT_KEY.matcher(u.context()).matches() ? u.context()
                : Similarity.contextKey("", "");
        String office = u.office() != null && offices.exists(u.office()) ? u.office() : null;
        String by = u.creationId() == null || u.creationId().isBlank() ? importer : u.creationId();
        return new TmEntry(fromEnglish ? "en" : "ja", fromEnglish ? "ja" : "en", (fromEnglish ? en : ja).strip(),
                (fromEnglish ? ja : en).strip(), context, office, null, TmUnit.Origin.TMX, by, importer,
                u.created() == null ? now : u.created());
    }

    /** Units after {@code after} in id order, at most {@code limit}: one page of an export. */
    public List<TmUnit> page(long after, int limit) {
        return units.findByIdGreaterThan(after, Pageable.from(0, limit, Sort.of(Sort.Order.asc("id"))));
    }

    public long size() {
        return units.count();
    }
}
