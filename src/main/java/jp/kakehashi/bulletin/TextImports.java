package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.kakehashi.audit.Actor;
import jp.kakehashi.bulletin.imports.ChromeRules;
import jp.kakehashi.bulletin.imports.Dates;
import jp.kakehashi.bulletin.imports.FlashParser;
import jp.kakehashi.bulletin.imports.HtmlReport;
import jp.kakehashi.bulletin.imports.RemovedLine;
import jp.kakehashi.bulletin.imports.ReportParser;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * A pasted text as the bulletin it would become, for the API and the import page alike: parsed,
 * dated, every office known, checked against what is stored, and only then written. A preview runs
 * the same steps up to the write, so it refuses exactly what the import would.
 */
@Singleton
public class TextImports {
    private final OfficeDirectory offices;
    private final ChromeRules chrome;
    private final BulletinService service;

    TextImports(OfficeDirectory offices, ChromeRules chrome, BulletinService service) {
        this.offices = offices;
        this.chrome = chrome;
        this.service = service;
    }

    /** What a text becomes: the bulletin to create and the lines left out. */
    @Serdeable
    public record Parsed(CreateBulletinCommand bulletin, List<RemovedLine> removed) {
    }

    public Parsed flash(String text, @Nullable LocalDate publishedOn) {
        var parsed = FlashParser.parse(text, offices::attributedOffice, null);
        if (parsed.command().pairList().isEmpty()) {
            throw new ApiException(ErrorCode.NO_ITEMS, "No line starting with ◇ was found");
        }
        if (!parsed.unattributed().isEmpty()) {
            throw new ApiException(ErrorCode.UNKNOWN_OFFICE,
                    "Items without a recognisable office attribution such as (パリ事務所): "
                            + parsed.unattributed().stream().map(u -> String.valueOf(u.item())).toList())
                    .with("items", parsed.unattributed());
        }
        return new Parsed(dated(parsed.command(), publishedOn, text), parsed.removed());
    }

    public Parsed report(String text, @Nullable String office, @Nullable String sourceLang,
                         @Nullable LocalDate publishedOn) {
        String lang = sourceLang == null || sourceLang.isBlank() ? "en" : sourceLang;
        if (office == null || !offices.exists(office)) {
            throw new ApiException(ErrorCode.UNKNOWN_OFFICE, "Unknown office code").with("office", String.valueOf(office));
        }
        if (!Bounds.LANGS.contains(lang)) {
            throw ApiException.invalidParameter("sourceLang", "sourceLang must be ja or en");
        }
        ReportParser.Result parsed = ReportParser.parse(text, office, lang, null, chrome);
        return new Parsed(dated(parsed.command(), publishedOn, text), parsed.removed());
    }

    /** A report exported as HTML: converted to the report text, removed lines numbered as in the HTML. */
    public Parsed htmlReport(String html, @Nullable String office, @Nullable String sourceLang,
                             @Nullable LocalDate publishedOn) {
        HtmlReport.Converted converted = HtmlReport.convert(html);
        Parsed parsed = report(converted.text(), office, sourceLang, publishedOn);
        List<RemovedLine> removed = new ArrayList<>(converted.removed());
        for (RemovedLine r : parsed.removed()) {
            removed.add(new RemovedLine(converted.sourceLines()[r.line() - 1], r.text()));
        }
        removed.sort(Comparator.comparingInt(RemovedLine::line));
        return new Parsed(parsed.bulletin(), removed);
    }

    /** Everything an import checks, nothing written: the answer to a preview. */
    public Parsed preview(Parsed parsed, boolean confirmed) {
        service.check(parsed.bulletin(), confirmed);
        return parsed;
    }

    public Bulletin store(Parsed parsed, Actor actor, boolean confirmed) {
        return service.importText(parsed.bulletin(), actor, confirmed);
    }

    /**
     * The editor's publishedOn wins over a date in the text; with neither, the import is refused with
     * the dates the text mentions, never dated today behind the editor's back.
     */
    private static CreateBulletinCommand dated(CreateBulletinCommand c, @Nullable LocalDate publishedOn, String text) {
        if (publishedOn != null) {
            return new CreateBulletinCommand(c.number(), c.titleJa(), c.titleEn(), publishedOn, c.pairs());
        }
        if (c.publishedOn() == null) {
            throw new ApiException(ErrorCode.DATE_REQUIRED, "The text has no publish date line; send publishedOn="
                    + "YYYY-MM-DD (dates the text mentions are listed in candidates)")
                    .with("candidates", Dates.all(text).stream().map(LocalDate::toString).toList());
        }
        return c;
    }
}
