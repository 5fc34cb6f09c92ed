package jp.kakehashi.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** TMX written and read back: texts, languages and provenance survive; inline codes are not text. */
class TmxFormatTest {
    private static final String ALPHABET = "白河市の職員がパリを訪問した。「ようこそ」ＪＥＴ ｶﾅ abc <&>\"' \t\n\r\u0001\u0008😀é";

    private static String random(Random r, int max) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(max);
        while (sb.codePointCount(0, sb.length()) < n) {
            int at = ALPHABET.offsetByCodePoints(0, r.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())));
            sb.appendCodePoint(ALPHABET.codePointAt(at));
        }
        return sb.toString();
    }

    /** What XML 1.0 can carry: control characters other than tab, line feed and carriage return are dropped. */
    private static String carried(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }

    @Test
    void twoHundredRandomUnitsComeBackWithTheirTextsLanguagesAndProvenance() {
        Random r = new Random(20261122L);
        Instant created = Instant.parse("2026-11-22T01:02:03.456Z");
        List<TmUnit> units = new ArrayList<>();
        for (long i = 1; i <= 200; i++) {
            boolean ja = r.nextBoolean();
            units.add(new TmUnit(i, ja ? "ja" : "en", ja ? "en" : "ja", random(r, 80), random(r, 80), "k", "k",
                    Similarity.contextKey(random(r, 5), ""), i % 3 == 0 ? null : "PAR", i % 2 == 0 ? i : null,
                    TmUnit.Origin.APPROVED, "佐藤 " + i, "editor", created, created, i, 0L));
        }
        List<TmxFormat.Unit> read = TmxFormat.read(TmxFormat.write(units));
        assertEquals(units.size(), read.size());
        for (int i = 0; i < units.size(); i++) {
            TmUnit u = units.get(i);
            TmxFormat.Unit back = read.get(i);
            assertEquals(u.sourceLang(), back.srclang());
            assertEquals(carried(u.sourceText()), back.text(u.sourceLang()), "unit " + u.id());
            assertEquals(carried(u.targetText()), back.text(u.targetLang()), "unit " + u.id());
            assertEquals(u.translatedBy(), back.creationId());
            assertEquals(u.officeCode(), back.office());
            assertEquals(u.contextKey(), back.context());
            assertEquals(created.truncatedTo(ChronoUnit.SECONDS), back.created());
        }
    }

    @Test
    void inlineCodesAreLeftOutAndHighlightedTextIsKept() {
        String tmx = """
                <tmx version="1.4"><header srclang="en"/><body><tu>
                <tuv lang="EN-US"><seg><bpt i="1">&lt;b&gt;</bpt>Sendai<ept i="1">&lt;/b&gt;</ept> <hi>City</hi><ph/></seg></tuv>
                <tuv xml:lang="ja"><seg><![CDATA[仙台市]]></seg></tuv></tu></body></tmx>""";
        TmxFormat.Unit u = TmxFormat.read(tmx.getBytes(StandardCharsets.UTF_8)).getFirst();
        assertEquals("en", u.srclang());
        assertEquals("Sendai City", u.text("en"));
        assertEquals("仙台市", u.text("ja"));
    }
}
