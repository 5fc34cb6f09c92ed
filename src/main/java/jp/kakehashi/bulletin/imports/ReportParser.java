package jp.kakehashi.bulletin.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.bulletin.CreateBulletinCommand;
import jp.kakehashi.bulletin.CreateBulletinCommand.PairCommand;
import jp.kakehashi.bulletin.CreateBulletinCommand.SourceCommand;

/**
 * An office report as plain text or Markdown: the first non-empty line is the title, a line that
 * is only a date gives the publish date, blank lines or {@code ##} headings separate paragraphs,
 * {@code Photo:}/{@code 写真:} lines are captions. The office comes from the request.
 */
public final class ReportParser {
    private ReportParser() {
    }

    public static CreateBulletinCommand parse(String text, String office, String sourceLang, LocalDate fallback) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String title = null;
        LocalDate date = null;
        List<String> paragraphs = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            String raw = line.strip();
            if (title == null) {
                if (!raw.isEmpty()) {
                    title = raw.replaceFirst("^#+\\s*", "");
                }
                continue;
            }
            Optional<LocalDate> onlyDate = date == null ? Dates.wholeLine(raw) : Optional.empty();
            String n = FlashParser.norm(raw);
            if (onlyDate.isPresent()) {
                date = onlyDate.get();
            } else if (raw.isEmpty() || raw.startsWith("#")) {
                flush(paragraph, paragraphs);
                if (raw.startsWith("#")) {
                    paragraphs.add(raw.replaceFirst("^#+\\s*", ""));
                }
            } else if (n.regionMatches(true, 0, "Photo:", 0, 6) || n.startsWith("写真:")) {
                captions.add(afterColon(raw));
            } else {
                if (!paragraph.isEmpty()) {
                    paragraph.append("ja".equals(sourceLang) ? "" : " ");
                }
                paragraph.append(raw);
            }
        }
        flush(paragraph, paragraphs);
        SourceCommand source = new SourceCommand(title, null, String.join("\n\n", paragraphs), captions, List.of());
        boolean ja = "ja".equals(sourceLang);
        return new CreateBulletinCommand(null, ja ? title : null, ja ? null : title,
                date == null ? fallback : date, List.of(new PairCommand(office, sourceLang, source, null)));
    }

    private static String afterColon(String raw) {
        int half = raw.indexOf(':');
        int full = raw.indexOf('：');
        int at = half < 0 ? full : full < 0 ? half : Math.min(half, full);
        return raw.substring(at + 1).strip();
    }

    private static void flush(StringBuilder paragraph, List<String> paragraphs) {
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }
}
