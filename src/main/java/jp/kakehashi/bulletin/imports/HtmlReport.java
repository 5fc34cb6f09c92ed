package jp.kakehashi.bulletin.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * A report exported by a CMS as HTML, turned into the text {@link ReportParser} reads: headings as
 * {@code #} lines, paragraphs, list items, table rows as pipe rows, images as {@code ![alt](src)},
 * figure captions as {@code Photo:} lines; link targets and inline markup dropped. The page's own
 * furniture ({@code nav}, {@code header}, {@code footer}, {@code aside}) is left out and reported;
 * scripts, styles, forms and embedded objects are dropped unread. jsoup parses as a browser does,
 * resolves nothing and fetches nothing, and bounds its nesting depth, so hostile markup costs no more
 * than its length. Each produced line remembers the line of the HTML it came from.
 */
public final class HtmlReport {
    private static final Set<String> FURNITURE = Set.of("nav", "header", "footer", "aside");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "svg", "math", "form", "button", "input", "select", "textarea", "canvas", "video", "audio", "head");
    private static final Pattern IMAGE_NAME = Pattern.compile("[\\w.-]{1,200}\\.(?i:jpe?g|png|gif|webp)");
    private static final Set<String> PARAGRAPHS = Set.of("p", "blockquote", "pre", "address", "dd", "dt", "time");

    /** The text, the HTML line of each of its lines, and the furniture left out. */
    public record Converted(String text, int[] sourceLines, List<RemovedLine> removed) {
    }

    private final List<String> lines = new ArrayList<>();
    private final List<Integer> origins = new ArrayList<>();
    private final List<RemovedLine> removed = new ArrayList<>();

    private HtmlReport() {
    }

    public static Converted convert(String html) {
        Document doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        HtmlReport r = new HtmlReport();
        Element h1 = doc.body().selectFirst("h1");
        if (h1 == null && !doc.title().isBlank()) {
            r.add(doc.title().strip(), 1);
        }
        r.blocks(doc.body());
        int[] origins = r.origins.stream().mapToInt(Integer::intValue).toArray();
        return new Converted(String.join("\n", r.lines), origins, List.copyOf(r.removed));
    }

    private void blocks(Element parent) {
        StringBuilder loose = new StringBuilder();
        int looseLine = line(parent);
        for (Node child : parent.childNodes()) {
            if (child instanceof TextNode t) {
                loose.append(t.getWholeText());
                continue;
            }
            if (!(child instanceof Element e)) {
                continue;
            }
            if (!e.isBlock() && !e.tagName().equals("img") && !e.tagName().equals("table")) {
                loose.append(' ').append(e.text()).append(' ');
                continue;
            }
            paragraph(loose, looseLine);
            looseLine = line(e);
            block(e);
        }
        paragraph(loose, looseLine);
    }

    private void block(Element e) {
        String tag = e.normalName();
        if (DROPPED.contains(tag)) {
            return;
        }
        if (FURNITURE.contains(tag)) {
            if (!e.text().isBlank()) {
                removed.add(new RemovedLine(line(e), clip(e.text().strip())));
            }
            return;
        }
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> add("#".repeat(tag.charAt(1) - '0') + " " + e.text().strip(), line(e));
            case "ul", "ol" -> list(e, tag.equals("ol"));
            case "table" -> table(e);
            case "img" -> image(e);
            case "figcaption" -> add("Photo: " + e.text().strip(), line(e));
            case "br", "hr" -> blank();
            default -> {
                if (PARAGRAPHS.contains(tag) && e.select("img, table, ul, ol").isEmpty()) {
                    paragraph(new StringBuilder(e.text()), line(e));
                } else {
                    blocks(e);
                }
            }
        }
    }

    private void list(Element list, boolean numbered) {
        blank();
        int n = 0;
        for (Element li : list.children()) {
            if (!li.normalName().equals("li")) {
                continue;
            }
            Element own = li.clone();
            own.select("ul, ol").remove();
            String text = own.text().strip();
            if (!text.isEmpty()) {
                add((numbered ? ++n + ". " : "- ") + text, line(li));
            }
            for (Element nested : li.select("> ul, > ol")) {
                list(nested, nested.normalName().equals("ol"));
            }
        }
        blank();
    }

    private void table(Element table) {
        blank();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            List<String> cells = tr.children().stream().filter(c -> c.normalName().equals("td") || c.normalName().equals("th"))
                    .map(c -> c.text().strip().replace("|", "\\|")).toList();
            if (!cells.isEmpty()) {
                add("| " + String.join(" | ", cells) + " |", line(tr));
            }
        }
        blank();
    }

    /** An image by its file name (the path and query are the CMS's, not the bulletin's). */
    private void image(Element img) {
        String src = img.attr("src").strip().replaceFirst("[?#].*", "");
        String name = src.substring(src.lastIndexOf('/') + 1);
        if (!IMAGE_NAME.matcher(name).matches()) {
            return;
        }
        Element figure = img.closest("figure");
        boolean captioned = figure != null && figure.selectFirst("figcaption") != null;
        String alt = captioned ? "" : img.attr("alt").replaceAll("[\\[\\]\\s]+", " ").strip();
        add("![" + alt + "](" + name + ")", line(img));
    }

    private void paragraph(StringBuilder text, int line) {
        String t = text.toString().replaceAll("\\s+", " ").strip();
        text.setLength(0);
        if (!t.isEmpty()) {
            blank();
            add(t, line);
            blank();
        }
    }

    private void blank() {
        if (!lines.isEmpty() && !lines.getLast().isEmpty()) {
            add("", origins.getLast());
        }
    }

    private void add(String line, int origin) {
        lines.add(line);
        origins.add(origin);
    }

    private static int line(Node n) {
        int line = n.sourceRange().start().lineNumber();
        return Math.max(line, 1);
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
