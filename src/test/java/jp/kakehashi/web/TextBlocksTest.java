package jp.kakehashi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextBlocksTest {
    @Test
    void linesBecomeParagraphsHeadingsListsAndOneTablePerRunOfRows() {
        List<TextBlocks.Group> g = TextBlocks.of("## 日程\n\n本文。\n- 一\n- 二\n3. 三\n4. 四\n| 日付 | 会場 |\n| 9月21日 |  |\n後記。");
        assertEquals(List.of("h", "p", "ul", "ol", "table", "p"), g.stream().map(TextBlocks.Group::kind).toList());
        assertEquals(2, g.get(0).level());
        assertEquals("日程", g.get(0).text());
        assertEquals(List.of("一", "二"), g.get(2).items());
        assertEquals(3, g.get(3).level(), "a numbered list starts at its first number");
        assertEquals(List.of(List.of("日付", "会場"), List.of("9月21日", "")), g.get(4).rows());
    }

    @Test
    void markupInTheTextStaysText() {
        List<TextBlocks.Group> g = TextBlocks.of("<b>x</b>\n- <script>alert(1)</script>");
        assertEquals("<b>x</b>", g.get(0).text());
        assertEquals(List.of("<script>alert(1)</script>"), g.get(1).items());
    }
}
