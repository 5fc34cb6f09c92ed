package jp.kakehashi.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.kakehashi.align.Aligner;
import jp.kakehashi.analysis.BilingualTerms;
import jp.kakehashi.pair.PairStatus;
import jp.kakehashi.pair.PairView;
import jp.kakehashi.pair.TextCommands.SegmentText;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.Assets;
import jp.kakehashi.system.ErrorCode;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.junit.jupiter.api.Test;

class XliffFormatTest {
    private static final Aligner ALIGNER = new Aligner(new BilingualTerms(Assets.packaged()));
    private static final String[] JA = {"白河市の職員がパリを訪問した。", "「ようこそ。」と市長は述べた！", "本当に？",
            "延べ3万5000人が来場した。", "令和8年9月27日、28日に開催。", "ＪＥＴプログラム説明会", "😀絵文字も。", " ", "\n", "\t"};
    private static final String[] EN = {"Staff of Shirakawa City visited Paris. ", "Mr. Sato met Dr. J. Smith. ",
            "Was it useful? ", "Yes! ", "A total of 35,000 people. ", "<b>&amp; \"quoted\" 'single' ", "\r\n", "  ",
            "\u0001\u0007\u001F", "\uD800", "\uFFFE", "]]>"};

    static PairView pair(long id, String sourceTitle, String source, String targetTitle, String target, int revision) {
        return new PairView(id, 1, 1, "PAR", "ja", "en", PairStatus.CLAIMED, "tr", null, false, 3,
                new PairView.SourceView(sourceTitle, null, source, List.of(), List.of(), revision),
                target == null ? null : new PairView.TargetView(targetTitle, target, List.of(), 1, revision, null));
    }

    private static String random(Random r, String[] pieces, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(max) + 1; i > 0; i--) {
            s.append(pieces[r.nextInt(pieces.length)]);
        }
        return s.toString();
    }

    @Test
    void twoHundredRandomPairsComeBackCharacterForCharacterAndOkapiAcceptsEveryFile() throws Exception {
        Random r = new Random(20261122);
        List<PairView> pairs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pairs.add(pair(1000 + i, random(r, JA, 2), random(r, JA, 12), random(r, EN, 2).strip(),
                    random(r, EN, 20), 1 + r.nextInt(5)));
        }
        for (PairView p : pairs) {
            byte[] xliff = XliffFormat.write(List.of(p), ALIGNER);
            List<XliffFormat.Translated> back = XliffFormat.read(xliff);
            // an empty title goes out without a <target>, and so comes back as untranslated
            String title = p.target().title().isEmpty() ? null : p.target().title();
            assertEquals(List.of(new XliffFormat.Translated(p.id(), p.source().revision(), title,
                    p.target().body())), back.stream().map(t -> new XliffFormat.Translated(t.pairId(), t.sourceRevision(),
                    t.title(), t.body())).toList(), new String(xliff, StandardCharsets.UTF_8));
            okapi(xliff);
        }
        byte[] bulletin = XliffFormat.write(pairs.subList(0, 20), ALIGNER);
        assertEquals(20, XliffFormat.read(bulletin).size());
        okapi(bulletin);
    }

    /** Okapi's XLIFF 2 reader with its maximal validation (schemas and processing requirements). */
    private static void okapi(byte[] xliff) {
        try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(new ByteArrayInputStream(xliff));
            int events = 0;
            while (reader.hasNext()) {
                reader.next();
                events++;
            }
            assertTrue(events > 3);
        }
    }

    @Test
    void segmentsFollowTheSourceSentencesAndAnUntranslatedPairHasNoTargets() {
        String xml = new String(XliffFormat.write(List.of(pair(7, "題", "一文目。二文目。", null, null, 2)), ALIGNER),
                StandardCharsets.UTF_8);
        assertTrue(xml.contains("original=\"kakehashi:pair:7:source-revision:2\""), xml);
        assertTrue(xml.contains("<source>一文目。</source>") && xml.contains("<source>二文目。</source>"), xml);
        assertTrue(!xml.contains("<target>"), xml);
        XliffFormat.Translated back = XliffFormat.read(xml.getBytes(StandardCharsets.UTF_8)).getFirst();
        assertEquals(new XliffFormat.Translated(7, 2, null, ""), new XliffFormat.Translated(back.pairId(),
                back.sourceRevision(), back.title(), back.body()));
        assertEquals(List.of(new SegmentText("0", ""), new SegmentText("1", "")), back.segments(),
                "every sentence comes back as an untranslated row");
    }

    @Test
    void segmentsFollowTheAlignmentNotThePositionOfSentences() {
        String ja = "八戸市の物産展が開かれた。多くの市民が訪れた。会場では地元企業10社が商品を紹介し、商談会も行われた。"
                + "詳しくはこちら。\n（パリ事務所）";
        String en = "A Hachinohe City products fair was held and drew many residents. Ten local companies presented "
                + "their products at the venue. Business meetings were also held.\n(Paris Office)";
        byte[] xliff = XliffFormat.write(List.of(pair(8, "物産展", ja, "Products fair", en, 1)), ALIGNER);
        String xml = new String(xliff, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<segment id=\"s0-1\" canResegment=\"no\" state=\"initial\">"
                + "<source>八戸市の物産展が開かれた。多くの市民が訪れた。</source>"
                + "<target>A Hachinohe City products fair was held and drew many residents. </target>"), xml);
        assertTrue(xml.contains("<source>会場では地元企業10社が商品を紹介し、商談会も行われた。</source><target>Ten local "
                + "companies presented their products at the venue. Business meetings were also held.\n</target>"), xml);
        // by position, the link text would have been given "(Paris Office)" as its translation
        assertTrue(xml.contains("<segment id=\"s3\" state=\"initial\"><source>詳しくはこちら。\n</source></segment>"), xml);
        // a unit per paragraph: the attribution's line is the second
        assertTrue(xml.contains("<unit id=\"p2\"><segment id=\"s4\" state=\"initial\"><source>（パリ事務所）</source>"
                + "<target>(Paris Office)</target>"), xml);
        assertEquals(en, XliffFormat.read(xliff).getFirst().body());
        // read back by segment id: the rows as exported, the merge and the left-out link text included
        assertEquals(List.of("0+1", "2", "3", "4"), XliffFormat.read(xliff).getFirst().segments().stream()
                .map(SegmentText::sources).toList());
        assertEquals("", XliffFormat.read(xliff).getFirst().segments().get(2).text());
        okapi(xliff);
    }

    @Test
    void captionUnitsComeBackInTheirOrderAndNoMoreThanFiftyAreRead() {
        String head = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"ja\">"
                + "<file id=\"f\" original=\"kakehashi:pair:5:source-revision:1\"><unit id=\"body\"><segment>"
                + "<source>本文。</source><target>Text.</target></segment></unit>";
        String captions = "<unit id=\"caption-3\"><segment><source>c</source><target>Third</target></segment></unit>"
                + "<unit id=\"caption-1\"><segment><source>a</source><target>First</target></segment></unit>";
        XliffFormat.Translated t = XliffFormat.read((head + captions + "</file></xliff>").getBytes(StandardCharsets.UTF_8))
                .getFirst();
        assertEquals("Text.", t.body(), "caption targets stay out of the body");
        assertEquals(List.of("First", "", "Third"), t.captions());
        String tooMany = "<unit id=\"caption-51\"><segment><source>x</source><target>y</target></segment></unit>";
        assertEquals(ErrorCode.TOO_MANY_ITEMS, assertThrows(ApiException.class, () -> XliffFormat.read(
                (head + tooMany + "</file></xliff>").getBytes(StandardCharsets.UTF_8))).code());
    }

    @Test
    void hostileOrForeignFilesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"ja\"><file id=\"f\""
                + " original=\"kakehashi:pair:1:source-revision:1\"><unit id=\"body\"><segment><source>a</source>"
                + "<target>&x;</target></segment></unit></file></xliff>";
        String v12 = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file/></xliff>";
        for (String hostile : List.of(xxe, v12, "not xml", "")) {
            ApiException e = assertThrows(ApiException.class, () -> XliffFormat.read(hostile.getBytes(StandardCharsets.UTF_8)));
            assertEquals(ErrorCode.INVALID_XML, e.code(), hostile);
        }
        String foreign = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"ja\">"
                + "<file id=\"f1\" original=\"report.docx\"></file></xliff>";
        assertEquals(ErrorCode.XLIFF_MISMATCH, assertThrows(ApiException.class,
                () -> XliffFormat.read(foreign.getBytes(StandardCharsets.UTF_8))).code());
    }
}
