package jp.kakehashi.bulletin.imports;

import static jp.kakehashi.bulletin.imports.FlashParserTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    @Test
    void aCmsPageBecomesHeadingsParagraphsATableAndListsWithoutItsFurniture() throws IOException {
        HtmlReport.Converted c = HtmlReport.convert(resource("report-cms.html"));
        var r = ReportParser.parse(c.text(), "LON", "en", null, ChromeRules.packaged());
        var source = r.command().pairList().getFirst().source();
        assertEquals("Study tour for councillors 2023", r.command().titleEn());
        assertEquals(LocalDate.of(2023, 11, 20), r.command().publishedOn());
        assertEquals("Ten councillors from three prefectures visited Edinburgh and London to learn about tourism"
                + " promotion.\n\n## Programme\n\n"
                + "| Day | Visit |\n| Mon | City of Edinburgh Council. Tourism board. |\n"
                + "| Tue | Greater London Authority ｜ VisitBritain |\n\n"
                + "- Meetings with five councils\n- A seminar on JET Programme alumni\n\n1. Panel\n2. Reception",
                source.body());
        assertEquals(List.of("LON-2023-tour.jpg"), source.images());
        assertEquals(List.of("Councillors at the City Chambers"), source.captions(), "the figure's caption, not also its alt");
        assertEquals(List.of(5, 6, 32), c.removed().stream().map(RemovedLine::line).toList(),
                "header, nav and footer, by their line in the HTML");
        assertEquals(List.of("Tel: +44 20 7839 8500"), r.removed().stream().map(RemovedLine::text).toList());
        assertEquals(28, c.sourceLines()[r.removed().getFirst().line() - 1], "the chrome line's line in the HTML");
        assertFalse(c.text().contains("__xss") || c.text().contains("Subscribe"), "scripts and forms are not text");
    }

    @Test
    void randomMarkupNeverThrowsAndEveryLineHasAnOrigin() {
        Random random = new Random(7);
        String[] parts = {"<p>", "</p>", "<table>", "<tr>", "<td>", "|", "<ul>", "<li>", "</ul>", "<h2>", "</h2>",
            "<nav>", "</nav>", "<img src=x alt=]>", "a", " ", "\n", "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "<ol>",
            "<figure>", "<figcaption>", "</div>", "<div>", "<br>", "日本", "<script>", "</script>"};
        for (int i = 0; i < 2000; i++) {
            StringBuilder html = new StringBuilder();
            for (int k = random.nextInt(60); k > 0; k--) {
                html.append(parts[random.nextInt(parts.length)]);
            }
            HtmlReport.Converted c = HtmlReport.convert(html.toString());
            assertEquals(c.text().isEmpty() ? 1 : c.text().split("\n", -1).length, Math.max(1, c.sourceLines().length),
                    html.toString());
            for (int line : c.sourceLines()) {
                assertTrue(line >= 1, html.toString());
            }
            ReportParser.parse(c.text(), "LON", "en", null, ChromeRules.packaged());
        }
    }
}
