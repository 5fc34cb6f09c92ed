package jp.kakehashi.exchange;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import jp.kakehashi.align.Aligner;
import jp.kakehashi.align.Link;
import jp.kakehashi.align.Paragraphs;
import jp.kakehashi.pair.PairStatus;
import jp.kakehashi.pair.PairView;
import jp.kakehashi.pair.TextCommands.SegmentText;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.FieldLimits;
import jp.kakehashi.system.SafeXml;

/**
 * XLIFF 2.1 for offline CAT tools: one {@code <file>} per pair (id {@code pair-<id>}, original
 * {@code kakehashi:pair:<id>:source-revision:<n>} so an import can check it is answering this pair
 * and this source text); a unit for the title; a unit per paragraph of the body ({@code p1}, {@code
 * p2}, …; paragraphs the alignment joins are one unit); a unit per photo caption ({@code caption-1},
 * …). A body unit has a segment per link of the sentence alignment ({@link Aligner}) that has source
 * sentences: a merged link is one segment with both source sentences, a split one a segment with both
 * target sentences, a source sentence left untranslated a segment without a target, and a sentence
 * only the translation has joins the segment before it. Never by position, which pairs a left-out
 * link text with the next sentence and teaches a CAT tool's memory wrong pairs. Body segments
 * partition the texts exactly, white space and line breaks included ({@code xml:space="preserve"}), so
 * joining the body units' targets in order gives back the stored text character for character. A body
 * segment's id names its source sentences ({@code s3}, {@code s0-1}), merged and split ones say
 * {@code canResegment="no"}, and a file whose body segments all carry such ids is read back row by
 * row ({@link Translated#segments()}), keeping the links it was exported with;
 * characters XML 1.0 cannot carry are written as {@code <cp hex="…"/>} and carriage returns as
 * {@code &#xD;}. Reading is {@link SafeXml}: no DTDs, no entities.
 */
public final class XliffFormat {
    public static final String NS = "urn:oasis:names:tc:xliff:document:2.0";
    public static final String MEDIA_TYPE = "application/xliff+xml";
    private static final Pattern CAPTION_UNIT = Pattern.compile("caption-(\\d{1,9})");
    /** A body segment's id names the source sentences it holds: {@code s3}, or {@code s0-1} for 0 and 1. */
    private static final Pattern SENTENCES = Pattern.compile("s(\\d{1,5})(?:-(\\d{1,5}))?");
    private static final Pattern ORIGINAL = Pattern.compile("kakehashi:pair:(\\d{1,18}):source-revision:(\\d{1,9})");
    static final int MAX_FILES = 200;
    private static final String FORMAT = "XLIFF";
    private static final String CAPTION = "caption-";

    private XliffFormat() {
    }

    /**
     * A translated pair as read back from a file. {@code title} is null when the file has no target for
     * the title unit (left untranslated); {@code captions} null when it has no caption units, else one
     * per caption unit up to the last, '' where a caption has no target.
     */
    public record Translated(long pairId, int sourceRevision, @Nullable String title, String body,
                             @Nullable List<String> captions, @Nullable List<SegmentText> segments) {
        public Translated(long pairId, int sourceRevision, @Nullable String title, String body) {
            this(pairId, sourceRevision, title, body, null, null);
        }
    }

    public static byte[] write(List<PairView> pairs, Aligner aligner) {
        return SafeXml.write(w -> {
            w.writeStartElement("xliff");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("version", "2.1");
            w.writeAttribute("srcLang", pairs.isEmpty() ? "ja" : pairs.getFirst().sourceLang());
            w.writeAttribute("trgLang", pairs.isEmpty() ? "en" : pairs.getFirst().targetLang());
            for (PairView p : pairs) {
                w.writeStartElement("file");
                w.writeAttribute("id", "pair-" + p.id());
                w.writeAttribute("original", "kakehashi:pair:" + p.id() + ":source-revision:" + p.source().revision());
                w.writeAttribute(XMLConstants.XML_NS_URI, "space", "preserve");
                String state = state(p);
                unit(w, "title", List.of(p.source().title()), List.of(p.target() == null ? "" : p.target().title()), state);
                body(w, p.alignment(aligner), state);
                // captions are segments of their own, one unit each, paired by their order
                List<String> captions = p.source().captions();
                for (int i = 0; i < captions.size(); i++) {
                    String t = p.target() == null || i >= p.target().captions().size() ? "" : p.target().captions().get(i);
                    unit(w, CAPTION + (i + 1), List.of(captions.get(i)), List.of(t), state);
                }
                w.writeEndElement();
            }
        });
    }

    /**
     * The body as a unit per paragraph row ({@link Paragraphs}: paragraphs that links join are one
     * unit), each with a segment per source-bearing link; a source without sentences is one unit.
     */
    private static void body(XMLStreamWriter w, Aligner.Alignment a, String state) throws XMLStreamException {
        List<String> sourcePieces = pieces(a, true);
        List<String> targetPieces = pieces(a, false);
        if (a.links().stream().noneMatch(l -> l.sources() > 0)) {
            // no source sentence (an empty or blank source): the whole text is one unit
            unit(w, "body", sourcePieces, targetPieces, state);
            return;
        }
        List<Link> withSources = a.links().stream().filter(l -> l.sources() > 0).toList();
        int piece = 0;
        int unit = 0;
        for (int[] group : Paragraphs.linkGroups(a)) {
            int n = (int) a.links().subList(group[0], group[1]).stream().filter(l -> l.sources() > 0).count();
            if (n > 0) {
                w.writeStartElement("unit");
                w.writeAttribute("id", "p" + ++unit);
                for (int i = piece; i < piece + n; i++) {
                    Link l = withSources.get(i);
                    String id = "s" + l.sourceFrom() + (l.sources() > 1 ? "-" + (l.sourceTo() - 1) : "");
                    // a merge or split the translator made is kept: a CAT tool must not cut it again
                    segment(w, id, sourcePieces.get(i), targetPieces.get(i), state, l.sources() > 1 || l.targets() > 1);
                }
                w.writeEndElement();
                piece += n;
            }
        }
    }

    private static void unit(XMLStreamWriter w, String id, List<String> source, List<String> target, String state)
            throws XMLStreamException {
        w.writeStartElement("unit");
        w.writeAttribute("id", id);
        for (int i = 0; i < Math.max(1, source.size()); i++) {
            segment(w, id + "-" + (i + 1), i < source.size() ? source.get(i) : "", i < target.size() ? target.get(i) : "",
                    state, false);
        }
        w.writeEndElement();
    }

    private static void segment(XMLStreamWriter w, String id, String source, String target, String state,
                                boolean keep) throws XMLStreamException {
        w.writeStartElement("segment");
        w.writeAttribute("id", id);
        if (keep) {
            w.writeAttribute("canResegment", "no");
        }
        w.writeAttribute("state", target.isEmpty() ? "initial" : state);
        w.writeStartElement("source");
        text(w, source);
        w.writeEndElement();
        if (!target.isEmpty()) {
            w.writeStartElement("target");
            text(w, target);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static String state(PairView p) {
        return p.status() == PairStatus.RELEASED ? "final" : p.status() == PairStatus.APPROVED ? "reviewed"
                : p.status() == PairStatus.SUBMITTED ? "translated" : "initial";
    }

    /**
     * One side's text cut into a piece per source-bearing link, at the start of the link's first sentence on
     * that side, so the pieces join back to the text exactly (white space stays with the piece before
     * it). A link without sentences on the target side gets an empty target piece; a target sentence
     * without a source stays in the piece before it.
     */
    static List<String> pieces(Aligner.Alignment a, boolean source) {
        String text = source ? a.sourceText() : a.targetText();
        List<Link> links = a.links().stream().filter(l -> l.sources() > 0).toList();
        List<String> parts = new ArrayList<>();
        if (links.isEmpty()) {
            if (!text.isEmpty()) {
                parts.add(text);
            }
            return parts;
        }
        int[] cuts = new int[links.size() + 1];
        cuts[links.size()] = text.length();
        for (int k = links.size() - 1; k >= 1; k--) {
            Link l = links.get(k);
            // every link here has source sentences; on the target side one may have none
            cuts[k] = source ? a.source().get(l.sourceFrom()).start()
                    : l.targets() == 0 ? cuts[k + 1] : a.target().get(l.targetFrom()).start();
        }
        for (int k = 0; k < links.size(); k++) {
            parts.add(text.substring(cuts[k], cuts[k + 1]));
        }
        return parts;
    }

    /** Text with the characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE/F) as cp. */
    private static void text(XMLStreamWriter w, String s) throws XMLStreamException {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (surrogatePair) {
                i++;
                continue;
            }
            if (c == '\r') {
                // a literal \r would reach the reader as \n (XML end-of-line handling); a character
                // reference does not, and XLIFF forbids <cp/> for characters XML allows
                w.writeCharacters(s.substring(run, i));
                w.writeEntityRef("#xD");
                run = i + 1;
            } else if (!SafeXml.xmlChar(c)) {
                w.writeCharacters(s.substring(run, i));
                w.writeEmptyElement("cp");
                w.writeAttribute("hex", String.format("%04X", (int) c));
                run = i + 1;
            }
        }
        w.writeCharacters(s.substring(run));
    }

    public static List<Translated> read(byte[] xml) {
        Reading reading = new Reading();
        SafeXml.read(xml, FORMAT, "xliff", r -> {
            String version = r.getAttributeValue(null, "version");
            if (!"xliff".equals(r.getLocalName()) || !NS.equals(r.getNamespaceURI()) || version == null
                    || !version.startsWith("2.")) {
                throw SafeXml.invalid(FORMAT, "the root element must be XLIFF 2 <xliff version=\"2.x\">");
            }
        }, reading);
        return reading.files;
    }

    /** One file's state while reading: the pair a {@code <file>} names and its translated units. */
    private static final class Reading implements SafeXml.Visitor {
        final List<Translated> files = new ArrayList<>();
        long pair = -1;
        int revision = -1;
        String unit;
        final StringBuilder title = new StringBuilder();
        boolean titleTranslated;
        final StringBuilder body = new StringBuilder();
        final java.util.TreeMap<Integer, String> captions = new java.util.TreeMap<>();
        StringBuilder target;
        String segment;
        String segmentTarget;
        List<SegmentText> segments = new ArrayList<>();

        @Override
        public void start(XMLStreamReader r, String name) {
            switch (name) {
                case "file" -> {
                    Matcher m = ORIGINAL.matcher(String.valueOf(r.getAttributeValue(null, "original")));
                    if (!m.matches()) {
                        throw new ApiException(ErrorCode.XLIFF_MISMATCH,
                                "A <file> without Kakehashi's original=\"kakehashi:pair:…\"");
                    }
                    pair = Long.parseLong(m.group(1));
                    revision = Integer.parseInt(m.group(2));
                    title.setLength(0);
                    titleTranslated = false;
                    body.setLength(0);
                    captions.clear();
                    segments = new ArrayList<>();
                }
                case "unit" -> unit = r.getAttributeValue(null, "id");
                case "segment" -> {
                    segment = String.valueOf(r.getAttributeValue(null, "id"));
                    segmentTarget = "";
                }
                case "target" -> target = new StringBuilder();
                case "cp" -> {
                    if (target != null) {
                        target.append(codePoint(r.getAttributeValue(null, "hex")));
                    }
                }
                default -> { }
            }
        }

        @Override
        public void characters(String text) {
            if (target != null) {
                target.append(text);
            }
        }

        @Override
        public void end(String name) {
            switch (name) {
                case "target" -> {
                    titleTranslated |= "title".equals(unit);
                    Matcher caption = CAPTION_UNIT.matcher(String.valueOf(unit));
                    if (caption.matches()) {
                        SafeXml.limit(Integer.parseInt(caption.group(1)), FieldLimits.MAX_CAPTIONS, "captions");
                        captions.merge(Integer.parseInt(caption.group(1)), target.toString(), String::concat);
                    } else {
                        ("title".equals(unit) ? title : body).append(target);
                    }
                    segmentTarget = target.toString();
                    target = null;
                }
                case "segment" -> {
                    if (segments != null && !"title".equals(unit) && !CAPTION_UNIT.matcher(String.valueOf(unit)).matches()) {
                        Matcher m = SENTENCES.matcher(segment);
                        // a file whose body segments are not all named by their sentences is read as text
                        segments = m.matches() ? segments : null;
                        if (segments != null) {
                            segments.add(new SegmentText(sentences(m), segmentTarget));
                            SafeXml.limit(segments.size(), FieldLimits.MAX_LINKS, "segments");
                        }
                    }
                }
                case "file" -> {
                    List<String> lines = null;
                    if (!captions.isEmpty()) {
                        lines = new ArrayList<>();
                        for (int i = 1; i <= captions.lastKey(); i++) {
                            lines.add(captions.getOrDefault(i, ""));
                        }
                    }
                    files.add(new Translated(pair, revision, titleTranslated ? title.toString() : null,
                            body.toString(), lines, segments == null || segments.isEmpty() ? null : List.copyOf(segments)));
                    SafeXml.limit(files.size(), MAX_FILES, "pairs");
                }
                default -> { }
            }
        }
    }

    /** "s0-2" → "0+1+2", the notation of a segment editor row. */
    private static String sentences(Matcher m) {
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (to < from || to - from > 19) {
            throw SafeXml.invalid(FORMAT, "segment " + m.group() + " names no run of source sentences");
        }
        return Link.range(from, to + 1);
    }

    private static String codePoint(String hex) {
        int cp = Integer.parseInt(hex == null ? "" : hex, 16);
        if (cp == 0 || cp > 0xFFFF) {
            throw SafeXml.invalid(FORMAT, "cp must name a character between 0001 and FFFF");
        }
        return String.valueOf((char) cp);
    }


}
