package jp.kakehashi.bulletin.imports;

import static jp.kakehashi.bulletin.imports.FlashParserTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import jp.kakehashi.bulletin.CreateBulletinCommand.SourceCommand;
import jp.kakehashi.segment.Segmenter;
import org.junit.jupiter.api.Test;

class ReportParserTest {
    private static final LocalDate FALLBACK = LocalDate.of(2026, 11, 22);
    private static final ChromeRules CHROME = ChromeRules.packaged();

    private static ReportParser.Result parse(String name) throws IOException {
        return ReportParser.parse(resource(name), "SIN", "en", null, CHROME);
    }

    @Test
    void anEnglishReportTakesTitleDateParagraphsHeadingsAndCaptions() throws IOException {
        var c = ReportParser.parse(resource("report-en.md"), "SIN", "en", FALLBACK, CHROME).command();
        assertEquals("Shirakawa delegation visits Singapore", c.titleEn());
        assertEquals(LocalDate.of(2026, 11, 22), c.publishedOn());
        var source = c.pairList().get(0).source();
        assertEquals("A delegation from Shirakawa City visited Singapore to promote local products and tourism."
                + "\n\n## Meetings\n\nThe delegation met the Singapore Tourism Board and two travel agencies.", source.body());
        assertEquals(List.of("The delegation at the Singapore Tourism Board"), source.captions());
    }

    @Test
    void aProgrammePageKeepsItsTableCellByCellAndLosesItsChrome() throws IOException {
        var r = parse("report-programme-table.md");
        SourceCommand source = r.command().pairList().get(0).source();
        assertEquals("Local Government Seminar 2023", r.command().titleEn());
        assertEquals(LocalDate.of(2023, 11, 20), r.command().publishedOn());
        assertEquals("The Local Government Seminar brings officials from ASEAN countries to Japan to learn how"
                + " Japanese municipalities plan for an ageing society.\n\n"
                + "## Programme\n\n"
                + "| Date | Programme | Venue |\n"
                + "| 20 Nov | Opening ceremony. Keynote by Mr. Sato. | Tokyo |\n"
                + "| 21 Nov | Site visit to Shirakawa City ｜ Fukushima |  |\n"
                + "| 22 Nov | Closing session | Tokyo |\n\n"
                + "Participants said the visits were the most useful part.", source.body());
        assertEquals(List.of("SIN-2023-11.jpg"), source.images());
        assertEquals(List.of("Participants in Shirakawa"), source.captions());
        assertEquals(List.of(1, 2, 23, 24, 25, 26, 27, 28), r.removed().stream().map(RemovedLine::line).toList());
        assertEquals("[[▼ Click here for directions \\(Google Maps\\)](#)]", r.removed().get(6).text());
        // each cell is its own segment, the pipes and the separator row are not text
        List<String> segments = Segmenter.split(source.body(), "en").stream().map(Segmenter.Segment::text).toList();
        assertEquals(List.of("Date", "Programme", "Venue", "20 Nov", "Opening ceremony.", "Keynote by Mr. Sato.",
                "Tokyo"), segments.subList(2, 9));
    }

    @Test
    void aTabSeparatedStaffListIsATableAndTheContactBlockIsRemoved() throws IOException {
        var r = parse("report-staff-tabs.txt");
        assertNull(r.command().publishedOn(), "no date line: the import asks instead of guessing");
        assertEquals("Staff of the Singapore office in 2024.\n\n| Name | Position | Seconded from |\n"
                + "| Taro Yamada | Director | Shirakawa City |\n| Hanako Suzuki | Deputy Director | Matsusaka City |",
                r.command().pairList().get(0).source().body());
        assertEquals(List.of("Contact us:", "Tel: +65 6224 7927", "Privacy Policy | Terms of Use"),
                r.removed().stream().map(RemovedLine::text).toList());
    }

    @Test
    void bulletsAndNumbersBecomeListItemsAndAWrappedItemStaysOne() throws IOException {
        var r = parse("report-bulleted.txt");
        SourceCommand source = r.command().pairList().get(0).source();
        assertEquals("In 2023 the London office supported local governments in many ways:\n\n"
                + "- Seminars on tourism promotion in London and Edinburgh\n"
                + "- A study tour for councillors from three prefectures\n"
                + "- JET Programme alumni events\n\n"
                + "Our priorities for 2024 are:\n\n"
                + "1. Digital promotion\n"
                + "2. Sister city exchanges", source.body());
        assertEquals(List.of("Councillors at a seminar in Edinburgh"), source.captions());
        assertEquals(List.of(), r.removed());
    }

    @Test
    void japaneseBulletsWithoutASpaceAndFullWidthNumbersAreListItems() {
        var r = ReportParser.parse("研修の報告\n2023年11月20日\n・日時：11月20日\n・会場：パリ\n１．開会\n本文です。\n続きです。",
                "PAR", "ja", null, CHROME);
        assertEquals("- 日時：11月20日\n- 会場：パリ\n\n1. 開会\n\n本文です。続きです。",
                r.command().pairList().get(0).source().body());
        assertEquals("研修の報告", r.command().titleJa());
    }

    @Test
    void proseThatOnlyLooksLikeChromeIsKept() {
        var r = ReportParser.parse("Visit\n2023-11-20\nThe mayor gave his e-mail address to every pupil.\n"
                + "Home is where the heart is, she said.\n-not a list\n", "LON", "en", null, CHROME);
        assertEquals("The mayor gave his e-mail address to every pupil. Home is where the heart is, she said."
                + " -not a list", r.command().pairList().get(0).source().body());
        assertEquals(List.of(), r.removed());
    }
}
