package jp.kakehashi.glossary;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jp.kakehashi.database.RetryOnConflict;
import jp.kakehashi.job.Progress;
import jp.kakehashi.office.OfficeRepository;
import jp.kakehashi.security.Staff;
import jp.kakehashi.security.User;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Writes to the termbase. Editors keep the terms of their own offices; terms for every office are
 * kept by administrators and by editors of the Tokyo HQ, which sets the body's house style.
 * Every change publishes {@link GlossaryChanged} after commit, so term lookups and search reload.
 */
@Singleton
public class Glossary {
    static final int MAX_TERM = 200;
    static final int MAX_NOTE = 2000;
    private final GlossaryRepository terms;
    private final OfficeRepository offices;
    private final ApplicationEventPublisher<GlossaryChanged> events;

    Glossary(GlossaryRepository terms, OfficeRepository offices, ApplicationEventPublisher<GlossaryChanged> events) {
        this.terms = terms;
        this.offices = offices;
        this.events = events;
    }

    public List<GlossaryTerm> all() {
        return terms.findAllOrderByTermJa();
    }

    /** Terms whose Japanese or English contains {@code q} (case-insensitive), of {@code office} or every office. */
    public List<GlossaryTerm> find(@Nullable String q, @Nullable String office) {
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        String scope = office == null || office.isBlank() ? null : office.strip().toUpperCase(Locale.ROOT);
        return all().stream()
                .filter(t -> scope == null || t.appliesTo(scope))
                .filter(t -> needle.isEmpty() || t.termJa().toLowerCase(Locale.ROOT).contains(needle)
                        || t.termEn().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }

    public GlossaryTerm get(long id) {
        return terms.findById(id).orElseThrow(() -> ApiException.notFound("Term " + id));
    }

    @Transactional
    @RetryOnConflict
    public GlossaryTerm create(GlossaryCommand c, Staff who) {
        GlossaryTerm t = validated(c, null, who);
        terms.findByTermJaAndTermEnAndScope(t.termJa(), t.termEn(), t.scope()).ifPresent(existing -> {
            throw new ApiException(ErrorCode.TERM_EXISTS, "This term is already in the glossary")
                    .with("existingId", existing.id());
        });
        GlossaryTerm saved = terms.save(t);
        events.publishEvent(new GlossaryChanged());
        return saved;
    }

    @Transactional
    @RetryOnConflict
    public GlossaryTerm update(long id, GlossaryCommand c, long ifMatch, Staff who) {
        GlossaryTerm before = get(id);
        mayEdit(who, before.scope());
        if (before.version() != ifMatch) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, "The term changed since it was read")
                    .with("current", GlossaryTermView.of(before));
        }
        GlossaryTerm after = validated(c, before, who);
        GlossaryTerm saved = terms.update(after);
        events.publishEvent(new GlossaryChanged());
        return saved;
    }

    @Transactional
    @RetryOnConflict
    public void delete(long id, Staff who) {
        GlossaryTerm t = get(id);
        mayEdit(who, t.scope());
        terms.delete(t);
        events.publishEvent(new GlossaryChanged());
    }

    @io.micronaut.serde.annotation.Serdeable
    public record ImportResult(int created, int updated, int unchanged) {
    }

    public byte[] exportTbx() {
        return TbxFormat.write(all());
    }

    /** A TBX file, as {@link #importTerms}. */
    @Transactional
    @RetryOnConflict
    public ImportResult importTbx(byte[] tbx, Staff who) {
        return importTbx(tbx, who, Progress.NONE);
    }

    /** As {@link #importTbx(byte[], Staff)}, telling {@code progress} each entry. */
    @Transactional
    @RetryOnConflict
    public ImportResult importTbx(byte[] tbx, Staff who, Progress progress) {
        mayImport(tbx);
        return importTerms(TbxFormat.read(tbx), who, progress);
    }

    /** Refuses an empty file before any work is queued; entries are judged one by one as they are read. */
    public void mayImport(byte[] tbx) {
        if (tbx == null || tbx.length == 0) {
            throw new ApiException(ErrorCode.EMPTY_BODY, "Send a TBX file");
        }
    }

    @Transactional
    @RetryOnConflict
    public ImportResult importTerms(List<GlossaryCommand> commands, Staff who) {
        return importTerms(commands, who, Progress.NONE);
    }

    /**
     * A whole file in one transaction: a bad entry refuses the file (with its index), nothing changes.
     * A transaction that loses a lock conflict is run again from the first entry, and so is its
     * progress ({@link Progress#total}).
     */
    @Transactional
    @RetryOnConflict
    public ImportResult importTerms(List<GlossaryCommand> commands, Staff who, Progress progress) {
        progress.total(commands.size());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (int i = 0; i < commands.size(); i++, progress.advance(1)) {
            GlossaryTerm t;
            try {
                t = fields(commands.get(i), null, who);
            } catch (ApiException e) {
                throw e.with("entry", i);
            }
            var existing = terms.findByTermJaAndTermEnAndScope(t.termJa(), t.termEn(), t.scope());
            if (existing.isPresent() && existing.get().status() == t.status() && existing.get().note().equals(t.note())) {
                // re-importing an exported file must work for anyone who may import at all
                unchanged++;
                continue;
            }
            try {
                mayEdit(who, t.scope());
            } catch (ApiException e) {
                throw e.with("entry", i);
            }
            if (existing.isEmpty()) {
                terms.save(t);
                created++;
            } else {
                GlossaryTerm e = existing.get();
                terms.update(new GlossaryTerm(e.id(), e.termJa(), e.termEn(), t.note(), e.scope(), t.status(),
                        e.createdBy(), e.createdAt(), t.updatedAt(), e.version()));
                updated++;
            }
        }
        events.publishEvent(new GlossaryChanged());
        return new ImportResult(created, updated, unchanged);
    }

    GlossaryTerm validated(GlossaryCommand c, @Nullable GlossaryTerm before, Staff who) {
        GlossaryTerm t = fields(c, before, who);
        mayEdit(who, t.scope());
        return t;
    }

    private GlossaryTerm fields(GlossaryCommand c, @Nullable GlossaryTerm before, Staff who) {
        String ja = required(c.termJa(), "termJa");
        String en = required(c.termEn(), "termEn");
        String note = c.note() == null ? "" : c.note().strip();
        if (note.length() > MAX_NOTE) {
            throw new ApiException(ErrorCode.FIELD_TOO_LONG, "note is longer than " + MAX_NOTE)
                    .with("field", "note").with("limit", MAX_NOTE);
        }
        String scope = c.office() == null || c.office().isBlank() ? GlossaryTerm.ALL
                : c.office().strip().toUpperCase(Locale.ROOT);
        if (!GlossaryTerm.ALL.equals(scope) && offices.findById(scope).isEmpty()) {
            throw new ApiException(ErrorCode.UNKNOWN_OFFICE, "No office " + scope).with("field", "office");
        }
        GlossaryTerm.Status status;
        try {
            status = c.status() == null ? GlossaryTerm.Status.PREFERRED
                    : GlossaryTerm.Status.valueOf(c.status().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "status must be PREFERRED or FORBIDDEN")
                    .with("field", "status");
        }
        Instant now = Instant.now();
        return before == null
                ? new GlossaryTerm(null, ja, en, note, scope, status, who.id(), now, now, null)
                : new GlossaryTerm(before.id(), ja, en, note, scope, status, before.createdBy(), before.createdAt(),
                now, before.version());
    }

    static void mayEdit(Staff who, String scope) {
        boolean allowed = who.has(User.Role.ADMIN) || (GlossaryTerm.ALL.equals(scope)
                ? who.hqEditor() : who.editorOf(scope));
        if (!allowed) {
            throw new ApiException(ErrorCode.FORBIDDEN, GlossaryTerm.ALL.equals(scope)
                    ? "Terms for every office are kept by administrators and Tokyo HQ editors"
                    : "Only editors of " + scope + " keep its terms");
        }
    }

    /** Terms are stored as written (NFC), bounded, never empty; NFKC only happens when matching. */
    private static String required(@Nullable String value, String field) {
        String v = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (v.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, field + " is required").with("field", field);
        }
        if (v.length() > MAX_TERM) {
            throw new ApiException(ErrorCode.FIELD_TOO_LONG, field + " is longer than " + MAX_TERM)
                    .with("field", field).with("limit", MAX_TERM);
        }
        return v;
    }
}
