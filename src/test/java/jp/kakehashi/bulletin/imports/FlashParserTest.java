package jp.kakehashi.bulletin.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.bulletin.CreateBulletinCommand.PairCommand;
import org.junit.jupiter.api.Test;

class FlashParserTest {
    private static final LocalDate FALLBACK = LocalDate.of(2026, 11, 22);
    private static final Map<String, String> OFFICES = Map.of("パリ", "PAR", "ロンドン", "LON", "シンガポール", "SIN",
            "ニューヨーク", "NYC", "シドニー", "SYD", "ソウル", "SEL", "北京", "BEJ", "本部", "TYO");
    private static final Pattern ATTR = Pattern.compile("[(（](?:クレア)?([^()（）]+?)(?:事務所)?[)）]");

    /** Stand-in for the office table: the HTTP tests run the real OfficeDirectory. */
    static Optional<String> office(String body) {
        Matcher m = ATTR.matcher(body);
        String found = null;
        while (m.find()) {
            found = OFFICES.getOrDefault(m.group(1), found);
        }
        return Optional.ofNullable(found);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = FlashParserTest.class.getResourceAsStream("/bulletins/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDesignDocExampleGivesTwoAttributedItemsWithCaptionsAndImages() throws IOException {
        var result = FlashParser.parse(resource("london-seminar.txt"), FlashParserTest::office, FALLBACK);
        var c = result.command();
        assertEquals(LocalDate.of(2026, 4, 15), c.publishedOn());
        assertEquals("海外事務所だより", c.titleJa());
        assertEquals(2, c.pairList().size());
        assertTrue(result.unattributed().isEmpty());
        PairCommand london = c.pairList().get(0);
        assertEquals("LON", london.office());
        assertEquals("ロンドンで地域の魅力発信セミナーを開催", london.source().title());
        assertEquals("ロンドン", london.source().dateline());
        assertEquals("3月18日、英国の旅行会社や自治体関係者を対象に、日本各地の観光資源を紹介するセミナーを開催した。"
                + "参加者は約120人。詳しくはこちら。(ロンドン事務所)", london.source().body());
        assertEquals(java.util.List.of("LON-57.jpg"), london.source().images());
        assertEquals(java.util.List.of("セミナーで講演する自治体職員"), london.source().captions());
        PairCommand jakarta = c.pairList().get(1);
        assertEquals("SIN", jakarta.office());
        assertEquals("インドネシア・ジャカルタ", jakarta.source().dateline());
        assertTrue(jakarta.source().body().contains("延べ3万5000人"));
        assertTrue(!jakarta.source().body().contains("バックナンバー"));
    }

    @Test
    void fullWidthCrlfBulletinKeepsParagraphsAndStopsAtTheFooter() throws IOException {
        var result = FlashParser.parse(resource("seoul-messy.txt"), FlashParserTest::office, FALLBACK);
        var c = result.command();
        assertEquals(LocalDate.of(2026, 11, 2), c.publishedOn());
        assertEquals("海外事務所だより　第２１４号", c.titleJa());
        assertEquals(3, c.pairList().size(), "the item after ページの先頭へ is footer, not an item");
        var seoul = c.pairList().get(0).source();
        assertEquals("SEL", c.pairList().get(0).office());
        assertEquals("韓国・ソウル", seoul.dateline());
        assertEquals("ソウルで「日韓自治体交流フォーラム」を開催", seoul.title());
        assertEquals("１０月２２日、ソウル市内で日韓の自治体職員約８０人が参加するフォーラムを開催した。\n\n"
                + "姉妹都市提携３０周年を迎える八戸市と仁川広域市の事例が紹介された。（ソウル事務所）", seoul.body(),
                "two indented paragraphs stay two");
        assertEquals(java.util.List.of("SEL-214.PNG"), seoul.images());
        assertEquals(java.util.List.of("フォーラムの様子", "パネルディスカッション"), seoul.captions());
        assertEquals("PAR", c.pairList().get(1).office());
        assertEquals("パリ日本文化会館でｼﾞｪｯﾄ・プログラム説明会", c.pairList().get(1).source().title());
        assertEquals("TYO", c.pairList().get(2).office());
        assertTrue(c.pairList().stream().noneMatch(p -> p.source().body().contains("\r")));
    }

    @Test
    void anImageNameRunIntoItsCaptionIsSplitAndAWrappedSentenceStaysOneParagraph() {
        String text = "海外事務所だより\n2026年11月4日配信\n◇JETプログラムPRビデオを公開=ロンドン\n"
                + "　ロンドン事務所はJETプログラムの\n　PRビデオを公開した。\n　再生回数は1万回を超えた。詳しくはこちら。\n"
                + "(ロンドン事務所)\nLON-128.png写真：JETプログラムPRビデオの一場面\n";
        var source = FlashParser.parse(text, FlashParserTest::office, FALLBACK).command().pairList().getFirst().source();
        assertEquals(java.util.List.of("LON-128.png"), source.images());
        assertEquals(java.util.List.of("JETプログラムPRビデオの一場面"), source.captions());
        assertEquals("ロンドン事務所はJETプログラムのPRビデオを公開した。\n\n再生回数は1万回を超えた。詳しくはこちら。"
                + "(ロンドン事務所)", source.body(), "the image name (and its 128) and the caption stay out of the text");
    }

    @Test
    void withoutADateTheBulletinStartsAtTheFirstItemAndTakesTheFallbackDate() throws IOException {
        var result = FlashParser.parse(resource("no-date.txt"), FlashParserTest::office, FALLBACK);
        assertEquals(FALLBACK, result.command().publishedOn());
        assertNull(result.command().titleJa());
        assertEquals(2, result.command().pairList().size());
        assertEquals("日本酒の試飲会を開いた。Participants came from New Jersey as well.(ニューヨーク事務所)",
                result.command().pairList().get(1).source().body());
    }

    @Test
    void itemsWithoutAKnownOfficeAreReportedByNumberNotGuessed() throws IOException {
        var result = FlashParser.parse(resource("unknown-office.txt"), FlashParserTest::office, FALLBACK);
        assertEquals(3, result.command().pairList().size());
        assertEquals(java.util.List.of(new FlashParser.Unattributed(2, "大阪で会議"),
                new FlashParser.Unattributed(3, "北京で訪問団を受け入れ")), result.unattributed());
    }

    @Test
    void reiwaAndIsoDatesAreUnderstood() {
        var reiwa = FlashParser.parse("令和8年4月1日配信\n◇題=所\n本文(パリ事務所)", FlashParserTest::office, FALLBACK);
        assertEquals(LocalDate.of(2026, 4, 1), reiwa.command().publishedOn());
        var iso = FlashParser.parse("2026-03-05\n◇題\n本文(パリ事務所)", FlashParserTest::office, FALLBACK);
        assertEquals(LocalDate.of(2026, 3, 5), iso.command().publishedOn());
        assertNull(iso.command().pairList().get(0).source().dateline());
    }

    @Test
    void textWithoutItemsGivesNoPairs() {
        var result = FlashParser.parse("2026年4月15日配信\n本文だけ\n", FlashParserTest::office, FALLBACK);
        assertTrue(result.command().pairList().isEmpty());
    }

    @Test
    void middleDotLinesOfAnItemBecomeOneListAndTheChromeAboveIsReported() {
        var result = FlashParser.parse("トップ > 事務所だより\n海外事務所だより\n2026年4月15日配信\n◇説明会を開催=パリ\n　説明会を開いた。\n"
                + "・日時：4月1日\n・会場：パリ事務所\n　参加者は20人。(パリ事務所)\n", FlashParserTest::office, FALLBACK);
        assertEquals("説明会を開いた。\n\n- 日時：4月1日\n- 会場：パリ事務所\n\n参加者は20人。(パリ事務所)",
                result.command().pairList().getFirst().source().body());
        assertEquals(List.of(new RemovedLine(1, "トップ > 事務所だより")), result.removed());
    }
}
