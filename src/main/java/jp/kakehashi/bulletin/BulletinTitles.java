package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Objects;
import jp.kakehashi.audit.AuditEvent;
import jp.kakehashi.audit.AuditRepository;
import jp.kakehashi.database.RetryOnConflict;
import jp.kakehashi.outbox.Outbox;
import jp.kakehashi.pair.Action;
import jp.kakehashi.pair.PairRepository;
import jp.kakehashi.security.Staff;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;

/**
 * A bulletin's titles in both languages. A flash bulletin arrives with its Japanese title only, and
 * the English pages would otherwise show 海外事務所フラッシュ: an editor of its offices (or of HQ) gives
 * the English one, or corrects either, at any stage; the change is audited with both old titles and
 * re-indexed, since search shows bulletin titles. Guarded by the bulletin's version (If-Match), so
 * two editors do not overwrite each other.
 */
@Singleton
public class BulletinTitles {
    private final BulletinRepository bulletins;
    private final PairRepository pairs;
    private final AuditRepository audit;
    private final Outbox outbox;

    BulletinTitles(BulletinRepository bulletins, PairRepository pairs, AuditRepository audit, Outbox outbox) {
        this.bulletins = bulletins;
        this.pairs = pairs;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Serdeable
    public record TitlesCommand(@Nullable String titleJa, @Nullable String titleEn) {
    }

    @Transactional
    @RetryOnConflict
    public Bulletin retitle(long id, Staff who, @Nullable Long expectedVersion, TitlesCommand command) {
        String ja = stripped(command.titleJa());
        String en = stripped(command.titleEn());
        if (ja == null && en == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "titleJa or titleEn is required");
        }
        FieldLimits.length("titleJa", ja, FieldLimits.MAX_TITLE);
        FieldLimits.length("titleEn", en, FieldLimits.MAX_TITLE);
        Bulletin b = bulletins.lockById(id).orElseThrow(() -> ApiException.notFound("Bulletin " + id));
        BulletinEditors.require(who, pairs.findByBulletinIdOrderByPosition(id));
        if (expectedVersion != null && !Objects.equals(expectedVersion, b.version())) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, "The bulletin changed since it was read")
                    .with("version", b.version());
        }
        if (Objects.equals(ja, b.titleJa()) && Objects.equals(en, b.titleEn())) {
            return b;
        }
        Bulletin updated = bulletins.update(b.withTitles(ja, en));
        audit.save(new AuditEvent(null, id, null, who.id(), who.username(), Action.RETITLE_BULLETIN.auditName(),
                null, null, "ja: " + b.titleJa() + " / en: " + b.titleEn(), null));
        outbox.bulletinChanged(id, "retitled");
        return updated;
    }

    private static String stripped(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
