package jp.kakehashi.bulletin.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import jp.kakehashi.bulletin.CreateBulletinCommand;
import jp.kakehashi.bulletin.CreateBulletinCommand.PairCommand;
import jp.kakehashi.bulletin.CreateBulletinCommand.SourceCommand;

/**
 * Reads a flash bulletin as offices paste it (see docs/formats.md): site chrome above,
 * a dated header, {@code ◇} items with {@code =Place} datelines, photo captions and image names,
 * a footer below. Paragraphs are indented lines or blank-line separated; lines that are neither are
 * wrapped lines of one paragraph. Pure: the caller says how to recognise an office. Lines are classified on their
 * NFKC form (so full-width digits, colons and parentheses behave like half-width ones) but stored
 * as written.
 */
public final class FlashParser {
    private static final Pattern IMAGE = Pattern.compile("[\\w.-]{1,200}\\.(?i:jpe?g|png|gif|webp)");
    /** An image name run straight into its caption, as a CMS export leaves it: {@code LON-128.png写真:…}. */
    private static final Pattern IMAGE_THEN_CAPTION = Pattern.compile("([\\w.-]{1,200}\\.(?i:jpe?g|png|gif|webp))写真:.*");
    private static final Pattern DATED_HEADER = Pattern.compile(".*\\d{1,4}年\\d{1,2}月\\d{1,2}日\\s*配信.*");
    private static final List<String> FOOTERS = List.of("バックナンバー", "このページに関するお問い合", "ページの先頭へ",
            "ページトップへ");

    /** One item that could not be attributed to an office. */
    @io.micronaut.serde.annotation.Serdeable
    public record Unattributed(int item, String title) {
    }

    /** The bulletin, the items without an office, and the lines left out (chrome above, teasers, footer). */
    public record Result(CreateBulletinCommand command, List<Unattributed> unattributed, List<RemovedLine> removed) {
    }

    private FlashParser() {
    }

    public static Result parse(String text, Function<String, Optional<String>> officeOf, LocalDate fallbackDate) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        // start = the line before the first body line: the dated header, or the line above the first ◇.
        int start = lines.length;
        LocalDate published = null;
        for (int i = 0; i < lines.length && start == lines.length; i++) {
            String n = norm(lines[i]);
            Optional<LocalDate> date = DATED_HEADER.matcher(n).matches()
                    ? Dates.findJapanese(n) : Dates.wholeNumeric(n.replace("配信", "").strip());
            if (date.isPresent()) {
                start = i;
                published = date.get();
            } else if (n.startsWith("◇")) {
                start = i - 1;
            }
        }
        String title = published == null ? null : lastNonBlank(lines, start);
        List<RemovedLine> removed = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            if (!lines[i].isBlank() && !lines[i].strip().equals(title)) {
                removed.add(new RemovedLine(i + 1, lines[i].strip()));
            }
        }
        List<Item> items = new ArrayList<>();
        Item current = null;
        for (int i = start + 1; i < lines.length; i++) {
            String raw = lines[i].strip();
            String n = norm(lines[i]);
            if (FOOTERS.stream().anyMatch(n::startsWith)) {
                for (int k = i; k < lines.length; k++) {
                    if (!lines[k].isBlank()) {
                        removed.add(new RemovedLine(k + 1, lines[k].strip()));
                    }
                }
                break;
            }
            if (n.startsWith("◇")) {
                current = new Item(raw.substring(1).strip());
                items.add(current);
            } else if (current == null || isTeaser(n)) {
                if (!n.isEmpty()) {
                    removed.add(new RemovedLine(i + 1, raw));
                }
            } else if (n.isEmpty()) {
                current.breakParagraph();
            } else if (IMAGE.matcher(n).matches()) {
                current.images.add(raw);
            } else if (n.startsWith("写真:")) {
                current.captions.add(raw.substring(3).strip());
            } else if (IMAGE_THEN_CAPTION.matcher(n).matches()) {
                int name = IMAGE_THEN_CAPTION.matcher(n).replaceFirst("$1").length();
                current.images.add(raw.substring(0, name));
                current.captions.add(raw.substring(name + 3).strip());
            } else if (n.startsWith("・") && n.length() > 1) {
                current.listItem(raw.substring(1).strip());
            } else {
                if (indented(lines[i])) {
                    current.indentedLine();
                }
                current.addLine(raw);
            }
        }
        List<PairCommand> pairs = new ArrayList<>();
        List<Unattributed> unknown = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String body = item.body();
            Optional<String> office = officeOf.apply(body);
            if (office.isEmpty()) {
                unknown.add(new Unattributed(i + 1, item.title));
            }
            pairs.add(new PairCommand(office.orElse(null), "ja", item.source(body), null));
        }
        LocalDate date = published == null ? fallbackDate : published;
        return new Result(new CreateBulletinCommand(null, title, null, date, pairs), unknown, removed);
    }

    static String norm(String line) {
        return Dates.NFKC.normalize(line).strip();
    }

    /** A paragraph of a flash item starts indented (a full-width space, as Japanese prose does). */
    private static boolean indented(String line) {
        return !line.isEmpty() && (line.charAt(0) == '\u3000' || line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    private static boolean isTeaser(String n) {
        return n.startsWith("◎") || (n.startsWith("【") && n.contains("】") && n.contains("◎"));
    }

    private static String lastNonBlank(String[] lines, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return null;
    }

    private static final class Item {
        final String title;
        final String dateline;
        final List<String> paragraphs = new ArrayList<>();
        final List<String> captions = new ArrayList<>();
        final List<String> images = new ArrayList<>();
        private StringBuilder paragraph;
        private boolean listOpen;

        Item(String heading) {
            int eq = Math.max(heading.lastIndexOf('='), heading.lastIndexOf('＝'));
            this.title = eq > 0 ? heading.substring(0, eq).strip() : heading;
            this.dateline = eq > 0 && eq < heading.length() - 1 ? heading.substring(eq + 1).strip() : null;
        }

        void addLine(String line) {
            listOpen = false;
            if (paragraph == null) {
                paragraph = new StringBuilder(line);
                return;
            }
            // Wrapped lines: Japanese joins without a space, Latin words need one.
            char last = paragraph.charAt(paragraph.length() - 1);
            if (last < 0x3000 && line.charAt(0) < 0x3000) {
                paragraph.append(' ');
            }
            paragraph.append(line);
        }

        /**
         * An indented line after a finished sentence starts a paragraph; after an unfinished one it is
         * a wrapped line of the same sentence (mail programs indent continuation lines too).
         */
        void indentedLine() {
            if (paragraph != null && "。！？」』）)!?.".indexOf(paragraph.charAt(paragraph.length() - 1)) >= 0) {
                breakParagraph();
            }
        }

        /** A {@code ・} line: an item of a list, which follows the one before it on the next line. */
        void listItem(String content) {
            boolean inList = paragraph == null && listOpen;
            breakParagraph();
            if (inList) {
                paragraphs.set(paragraphs.size() - 1, paragraphs.getLast() + "\n- " + content);
            } else {
                paragraphs.add("- " + content);
            }
            listOpen = true;
        }

        void breakParagraph() {
            if (paragraph != null) {
                paragraphs.add(paragraph.toString());
                paragraph = null;
            }
        }

        String body() {
            breakParagraph();
            return String.join("\n\n", paragraphs);
        }

        SourceCommand source(String body) {
            return new SourceCommand(title, dateline, body, List.copyOf(captions), List.copyOf(images));
        }
    }
}
