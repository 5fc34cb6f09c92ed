package jp.kakehashi.bulletin;

import java.util.Set;
import jp.kakehashi.bulletin.CreateBulletinCommand.PairCommand;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;

import static jp.kakehashi.system.FieldLimits.MAX_BODY;
import static jp.kakehashi.system.FieldLimits.MAX_DATELINE;
import static jp.kakehashi.system.FieldLimits.MAX_TITLE;
import static jp.kakehashi.system.FieldLimits.length;
import static jp.kakehashi.system.FieldLimits.lines;

/**
 * Size and shape limits of a bulletin, checked before anything is written; the limits of each text
 * are {@link FieldLimits}'.
 */
public final class Bounds {
    public static final int MAX_PAIRS = 200;
    public static final int MAX_NUMBER = 32;
    static final Set<String> LANGS = Set.of("ja", "en");

    private Bounds() {
    }

    public static void check(CreateBulletinCommand c) {
        if (c.publishedOn() == null) {
            throw invalid("publishedOn is required");
        }
        if (c.pairList().isEmpty()) {
            throw new ApiException(ErrorCode.NO_ITEMS, "A bulletin needs at least one item");
        }
        if (c.pairList().size() > MAX_PAIRS) {
            throw new ApiException(ErrorCode.TOO_MANY_ITEMS, "At most " + MAX_PAIRS + " items per bulletin")
                    .with("limit", MAX_PAIRS);
        }
        if (isBlank(c.titleJa()) && isBlank(c.titleEn())) {
            throw invalid("titleJa or titleEn is required");
        }
        length("number", c.number(), MAX_NUMBER);
        length("titleJa", c.titleJa(), MAX_TITLE);
        length("titleEn", c.titleEn(), MAX_TITLE);
        for (int i = 0; i < c.pairList().size(); i++) {
            checkPair("pairs[" + i + "]", c.pairList().get(i));
        }
    }

    private static void checkPair(String at, PairCommand p) {
        if (p == null || p.source() == null) {
            throw invalid(at + ".source is required");
        }
        if (p.sourceLang() == null || !LANGS.contains(p.sourceLang())) {
            throw invalid(at + ".sourceLang must be ja or en");
        }
        if (isBlank(p.source().title())) {
            throw invalid(at + ".source.title is required");
        }
        length(at + ".source.title", p.source().title(), MAX_TITLE);
        length(at + ".source.dateline", p.source().dateline(), MAX_DATELINE);
        length(at + ".source.body", p.source().body(), MAX_BODY);
        lines(at + ".source.captions", p.source().captionList());
        lines(at + ".source.images", p.source().imageList());
        if (p.target() != null) {
            if (isBlank(p.target().title()) || isBlank(p.target().body())) {
                throw invalid(at + ".target needs a title and a body");
            }
            length(at + ".target.title", p.target().title(), MAX_TITLE);
            length(at + ".target.body", p.target().body(), MAX_BODY);
        }
    }

    static ApiException invalid(String detail) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, detail);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
