package jp.kakehashi.memory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.kakehashi.align.Aligner;
import jp.kakehashi.align.Link;
import jp.kakehashi.job.Progress;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * What goes into the memory. An approved pair gives its title and one unit per link of its
 * sentence alignment ({@link Aligner}), in context (the sentences around the link): a merged link
 * is one unit with both sentences on its side, a sentence left untranslated (a link text, an
 * attribution) gives none. Position is never used: a translator who merges two sentences would
 * otherwise teach the memory wrong pairs for the rest of the text. A TMX file gives its
 * Japanese–English units; other languages are skipped.
 */
@Singleton
public class TranslationMemory {
    private static final Pattern CONTEXT_KEY = Pattern.compile("[0-9a-f]{64}");
    private final MemoryWrites writes;
    private final TmRepository units;
    private final OfficeDirectory offices;
    private final Aligner aligner;

    TranslationMemory(MemoryWrites writes, TmRepository units, OfficeDirectory offices, Aligner aligner) {
        this.writes = writes;
        this.units = units;
        this.offices = offices;
        this.aligner = aligner;
    }

    /**
     * The texts of an approved pair, as the approval's transaction read them, with the alignment a
     * person gave for the draft ({@code links}, null when it is aligned automatically).
     */
    public record Approved(long pairId, String office, String sourceLang, String targetLang, String sourceTitle,
                           String sourceBody, String targetTitle, String targetBody, String translatedBy,
                           String approvedBy, @Nullable List<String> links, List<String> sourceCaptions,
                           List<String> targetCaptions) {
    }

    @Serdeable
    public record ImportResult(int units, int skipped, long total) {
    }

    /** Called inside the approval's transaction: the units commit or roll back with it. */
    public void remember(Approved a) {
        Instant now = Instant.now();
        List<TmEntry> entries = new ArrayList<>();
        entries.add(entry(a, a.sourceTitle(), a.targetTitle(), Similarity.contextKey("", ""), now));
        if (a.targetBody() != null) {
            Aligner.Alignment alignment = aligner.align(a.sourceBody(), a.sourceLang(), a.targetBody(), a.targetLang(),
                    a.links());
            for (Link link : alignment.links()) {
                if (link.sources() > 0 && link.targets() > 0) {
                    entries.add(entry(a, alignment.sourceOf(link), alignment.targetOf(link),
                            Similarity.contextKey(alignment.source(), link.sourceFrom(), link.sourceTo()), now));
                }
            }
        }
        // a caption is translated on its own, so its translation is the caption of the same place
        for (int i = 0; i < Math.min(a.sourceCaptions().size(), a.targetCaptions().size()); i++) {
            entries.add(entry(a, a.sourceCaptions().get(i), a.targetCaptions().get(i), Similarity.contextKey("", ""), now));
        }
        writes.upsert(entries.stream().filter(TmEntry::usable).toList());
    }

    private static TmEntry entry(Approved a, String source, String target, String context, Instant now) {
        return new TmEntry(a.sourceLang(), a.targetLang(), source.strip(), target.strip(),
                context, a.office(), a.pairId(), TmUnit.Origin.APPROVED,
                a.translatedBy(), a.approvedBy(), now);
    }

    /** A TMX file sent by a person: editors and administrators keep the memory. */
    public ImportResult importTmx(byte[] tmx, Staff who) {
        return importTmx(tmx, who, Progress.NONE);
    }

    /** As {@link #importTmx(byte[], Staff)}, telling {@code progress} the units written. */
    public ImportResult importTmx(byte[] tmx, Staff who, Progress progress) {
        mayImport(tmx, who);
        ImportResult result = importTmx(tmx, who.username(), progress);
        jp.kakehashi.audit.AuditLog.event("memory_import", who.username(), result.units() + " units");
        return result;
    }

    /** Refuses, before any work is queued, what {@link #importTmx} would refuse for the person or the empty file. */
    public void mayImport(byte[] tmx, Staff who) {
        if (!who.has(User.Role.EDITOR) && !who.has(User.Role.ADMIN)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Editors and administrators import translation memories");
        }
        if (tmx == null || tmx.length == 0) {
            throw new ApiException(ErrorCode.EMPTY_BODY, "Send a TMX file");
        }
    }

    /** One page of the memory ({@link #page}) as a TMX file, for {@code by} (audit-logged). */
    public byte[] exportTmx(List<TmUnit> page, String by) {
        jp.kakehashi.audit.AuditLog.event("memory_export", by, page.size() + " units");
        return TmxFormat.write(page);
    }

    /** A whole file in one transaction; units already in the memory keep their provenance. */
    public ImportResult importTmx(byte[] tmx, String importer) {
        return importTmx(tmx, importer, Progress.NONE);
    }

    private ImportResult importTmx(byte[] tmx, String importer, Progress progress) {
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
        writes.insertNew(entries, progress);
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
