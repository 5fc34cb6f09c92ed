package jp.kakehashi.bulletin.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.bulletin.CreateBulletinCommand;
import jp.kakehashi.bulletin.CreateBulletinCommand.PairCommand;
import jp.kakehashi.bulletin.CreateBulletinCommand.SourceCommand;
import jp.kakehashi.segment.Blocks;

/**
 * An office report as plain text or Markdown-like text pasted from a web page (docs/formats.md):
 * the first non-empty line is the title, a line that is only a date gives the publish date, and the
 * body keeps its structure in the stored notation ({@link Blocks}): {@code #} headings, bulleted and
 * numbered lists ({@code - * • ・ 1. 1)}), tables (Markdown pipes or tab-separated cells), and
 * paragraphs of wrapped lines. Emphasis and link markup are dropped and link texts kept, image lines
 * become images and {@code Photo:}/{@code 写真:} lines captions. Chrome lines ({@link ChromeRules}) are
 * left out and reported. The office comes from the request.
 */
public final class ReportParser {
    private static final Pattern LIST = Pattern.compile("^(?:[-*•]\\s+|・\\s*|(\\d{1,3})[.)](?:\\s+|(?=[^\\s\\d])))\\S.*");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s*(.*?)\\s*#*$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\(([^)\\s]*?)([^/)\\s]+\\.(?i:jpe?g|png|gif|webp))[^)]*\\)");
    private static final Pattern IMAGE_NAME = Pattern.compile("[\\w.-]{1,200}\\.(?i:jpe?g|png|gif|webp)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|])");

    /** What a report became, and the lines left out as chrome. */
    public record Result(CreateBulletinCommand command, List<RemovedLine> removed) {
    }

    private ReportParser() {
    }

    public static Result parse(String text, String office, String sourceLang, LocalDate fallback, ChromeRules chrome) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        boolean ja = "ja".equals(sourceLang);
        Body body = new Body(ja);
        List<RemovedLine> removed = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        List<String> images = new ArrayList<>();
        String title = null;
        LocalDate date = null;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i].strip();
            String n = FlashParser.norm(raw);
            Optional<LocalDate> onlyDate = date == null && title != null ? Dates.wholeLine(raw) : Optional.empty();
            if (onlyDate.isEmpty() && chrome.isChrome(n)) {
                removed.add(new RemovedLine(i + 1, raw));
                body.end();
                continue;
            }
            if (title == null) {
                if (!raw.isEmpty()) {
                    title = unmark(raw.replaceFirst("^#+\\s*", ""));
                }
                continue;
            }
            Matcher m;
            if (onlyDate.isPresent()) {
                date = onlyDate.get();
            } else if (raw.isEmpty()) {
                body.end();
            } else if (IMAGE.matcher(raw).find() || IMAGE_NAME.matcher(n).matches()) {
                image(raw, images, captions);
            } else if (n.regionMatches(true, 0, "Photo:", 0, 6) || n.startsWith("写真:")) {
                captions.add(unmark(afterColon(raw)));
            } else if (TABLE_RULE.matcher(n).matches()) {
                continue;
            } else if ((m = HEADING.matcher(raw)).matches()) {
                body.block('H', m.group(1) + " " + unmark(m.group(2)));
            } else if (raw.length() > 1 && raw.startsWith("|") && raw.endsWith("|")) {
                body.block('T', row(raw.substring(1, raw.length() - 1).split("(?<!\\\\)\\|", -1)));
            } else if (lines[i].contains("\t") && lines[i].strip().split("\t+").length >= 2) {
                body.block('T', row(lines[i].strip().split("\t+")));
            } else if ((m = LIST.matcher(n)).matches()) {
                body.block(m.group(1) == null ? 'L' : 'O', (m.group(1) == null ? "- " : m.group(1) + ". ")
                        + unmark(afterMarker(raw)));
            } else if (Character.isWhitespace(lines[i].charAt(0)) && body.inList()) {
                body.continueItem(unmark(raw));
            } else {
                body.line(unmark(raw));
            }
        }
        SourceCommand source = new SourceCommand(title, null, body.text(), captions, images);
        return new Result(new CreateBulletinCommand(null, ja ? title : null, ja ? null : title,
                date == null ? fallback : date, List.of(new PairCommand(office, sourceLang, source, null))), removed);
    }

    /** Markup that is not text: emphasis, link targets (the link's text stays), backslash escapes. */
    static String unmark(String s) {
        String t = LINK.matcher(s).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        t = EMPHASIS.matcher(t).replaceAll(r -> Matcher.quoteReplacement(r.group(2)));
        return ESCAPE.matcher(t).replaceAll(r -> Matcher.quoteReplacement(r.group(1))).strip();
    }

    private static String row(String[] cells) {
        List<String> texts = new ArrayList<>();
        for (String cell : cells) {
            texts.add(unmark(cell));
        }
        return Blocks.line(Blocks.Kind.TABLE_ROW, "|", texts);
    }

    /** A list item's text as written: after its bullet or number and the space that follows. */
    private static String afterMarker(String raw) {
        int at = 0;
        while (at < raw.length() && Character.isDigit(raw.charAt(at))) {
            at++;
        }
        at++; // the bullet, or the full stop or parenthesis after the number
        while (at < raw.length() && Character.isWhitespace(raw.charAt(at))) {
            at++;
        }
        return raw.substring(at);
    }

    private static void image(String raw, List<String> images, List<String> captions) {
        Matcher m = IMAGE.matcher(raw);
        if (!m.find()) {
            images.add(raw);
            return;
        }
        images.add(m.group(3));
        String rest = unmark(IMAGE.matcher(raw).replaceAll(""));
        String alt = unmark(m.group(1));
        if (!rest.isEmpty() || !alt.isEmpty()) {
            captions.add(rest.isEmpty() ? alt : rest);
        }
    }

    private static String afterColon(String raw) {
        int half = raw.indexOf(':');
        int full = raw.indexOf('：');
        int at = half < 0 ? full : full < 0 ? half : Math.min(half, full);
        return raw.substring(at + 1).strip();
    }

    /**
     * The body being built: paragraphs of wrapped lines, and blocks of one line each. Lines of a
     * list or a table follow each other directly; every other block is set apart by a blank line.
     */
    private static final class Body {
        private final boolean ja;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder paragraph = new StringBuilder();
        private char last = ' ';
        private boolean itemOpen;

        Body(boolean ja) {
            this.ja = ja;
        }

        void line(String line) {
            if (line.isEmpty()) {
                return;
            }
            if (!paragraph.isEmpty()) {
                paragraph.append(ja ? "" : " ");
            }
            paragraph.append(line);
        }

        /** Right after a list item, with no blank line between: an indented line is that item wrapped. */
        boolean inList() {
            return itemOpen;
        }

        void continueItem(String line) {
            text.append(ja ? "" : " ").append(line);
        }

        void block(char kind, String line) {
            end();
            append(kind, line);
        }

        /** A blank line, a chrome line or a new block ends the paragraph. */
        void end() {
            itemOpen = false;
            if (!paragraph.isEmpty()) {
                append('P', paragraph.toString());
                paragraph.setLength(0);
            }
        }

        private void append(char kind, String line) {
            if (!text.isEmpty()) {
                text.append(kind == last && (kind == 'L' || kind == 'O' || kind == 'T') ? "\n" : "\n\n");
            }
            text.append(line);
            last = kind;
            itemOpen = kind == 'L' || kind == 'O';
        }

        String text() {
            end();
            return text.toString();
        }
    }
}
