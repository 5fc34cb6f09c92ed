package jp.kakehashi.memory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import jp.kakehashi.system.SafeXml;

/**
 * TMX 1.4b for the memory. One {@code <tu>} per unit: source language as the tu's srclang,
 * creationid/creationdate = translator and first remembered, changeid/changedate = approver or
 * importer and last remembered, office, pair and context key as {@code x-kakehashi-…} props.
 * A carriage return is written as {@code &#xD;} so it survives XML's line-end normalisation; the
 * control characters XML 1.0 cannot hold are left out (TMX has no escape for them).
 *
 * <p>Reading is {@link SafeXml}. Inline codes (bpt, ept, it, ph, ut) carry the native markup of
 * another tool's file, not text, and are skipped; the text of {@code <hi>} is kept.
 */
final class TmxFormat {
    static final int MAX_UNITS = 10_000;
    private static final String FORMAT = "TMX";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Set<String> CODES = Set.of("bpt", "ept", "it", "ph", "ut", "sub");
    static final String OFFICE = "x-kakehashi-office";
    static final String PAIR = "x-kakehashi-pair";
    static final String CONTEXT = "x-kakehashi-context";

    private TmxFormat() {
    }

    /** A translation unit as read: languages lower-cased, texts as found, props by type. */
    record Unit(String srclang, List<String[]> variants, String creationId, Instant created, String office,
                String context) {
        String text(String lang) {
            for (String[] v : variants) {
                if (v[0].startsWith(lang)) {
                    return v[1];
                }
            }
            return null;
        }
    }

    static byte[] write(List<TmUnit> units) {
        return SafeXml.write(w -> {
            w.writeStartElement("tmx");
            w.writeAttribute("version", "1.4");
            w.writeEmptyElement("header");
            for (String[] a : new String[][] {{"creationtool", "Kakehashi"}, {"creationtoolversion", "1"},
                    {"segtype", "sentence"}, {"o-tmf", "kakehashi"}, {"adminlang", "en"}, {"srclang", "*all*"},
                    {"datatype", "plaintext"}}) {
                w.writeAttribute(a[0], a[1]);
            }
            w.writeStartElement("body");
            for (TmUnit u : units) {
                w.writeStartElement("tu");
                w.writeAttribute("tuid", Long.toString(u.id()));
                w.writeAttribute("srclang", u.sourceLang());
                w.writeAttribute("creationid", u.translatedBy());
                w.writeAttribute("creationdate", DATE.format(u.createdAt()));
                w.writeAttribute("changeid", u.addedBy());
                w.writeAttribute("changedate", DATE.format(u.updatedAt()));
                prop(w, OFFICE, u.officeCode());
                prop(w, PAIR, u.pairId() == null ? null : u.pairId().toString());
                prop(w, CONTEXT, u.contextKey());
                variant(w, u.sourceLang(), u.sourceText());
                variant(w, u.targetLang(), u.targetText());
                w.writeEndElement();
            }
        });
    }

    private static void prop(XMLStreamWriter w, String type, String value) throws XMLStreamException {
        if (value != null) {
            w.writeStartElement("prop");
            w.writeAttribute("type", type);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }

    private static void variant(XMLStreamWriter w, String lang, String text) throws XMLStreamException {
        w.writeStartElement("tuv");
        w.writeAttribute(XMLConstants.XML_NS_URI, "lang", lang);
        w.writeStartElement("seg");
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                w.writeCharacters(run.toString());
                run.setLength(0);
                w.writeEntityRef("#xD");
            } else if (c >= 0x20 || c == '\t' || c == '\n') {
                run.append(c == '\uFFFE' || c == '\uFFFF' ? '\uFFFD' : c);
            }
        }
        w.writeCharacters(run.toString());
        w.writeEndElement();
        w.writeEndElement();
    }

    static List<Unit> read(byte[] xml) {
        Reading reading = new Reading();
        SafeXml.read(xml, FORMAT, "tmx", SafeXml.root(FORMAT, "tmx", ""), reading); // TMX 1.4 defines no namespace
        return reading.units;
    }

    /** The header's source language and the unit being read. */
    private static final class Reading implements SafeXml.Visitor {
        final List<Unit> units = new ArrayList<>();
        String headerLang;
        Tu tu;

        @Override
        public void start(XMLStreamReader r, String name) throws XMLStreamException {
            switch (name) {
                case "header" -> headerLang = r.getAttributeValue(null, "srclang");
                case "tu" -> tu = new Tu(r.getAttributeValue(null, "srclang"), r.getAttributeValue(null, "creationid"),
                        r.getAttributeValue(null, "creationdate"));
                case "prop" -> {
                    if (tu != null) {
                        tu.prop(r.getAttributeValue(null, "type"), SafeXml.text(r, FORMAT));
                    }
                }
                case "tuv" -> {
                    if (tu != null) {
                        String lang = r.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
                        tu.lang = lang != null ? lang : r.getAttributeValue(null, "lang");
                    }
                }
                case "seg" -> {
                    if (tu != null && tu.lang != null) {
                        tu.variants.add(new String[] {tu.lang.toLowerCase(Locale.ROOT), segment(r)});
                    }
                }
                default -> { }
            }
        }

        @Override
        public void end(String name) {
            if ("tu".equals(name) && tu != null) {
                units.add(tu.unit(headerLang));
                tu = null;
                SafeXml.limit(units.size(), MAX_UNITS, "translation units");
            }
        }
    }

    /** The text of a {@code <seg>}, leaving out inline codes; the reader ends on {@code </seg>}. */
    private static String segment(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        int skipping = 0;
        while (true) {
            int event = SafeXml.next(r, FORMAT);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                skipping += skipping > 0 || CODES.contains(r.getLocalName()) ? 1 : 0;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    return text.toString();
                }
                depth--;
                skipping -= skipping > 0 ? 1 : 0;
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) && skipping == 0) {
                text.append(r.getText());
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw SafeXml.invalid(FORMAT, "unterminated <seg>");
            }
        }
    }

    private static final class Tu {
        final String srclang;
        final String creationId;
        final String creationDate;
        final List<String[]> variants = new ArrayList<>();
        String lang;
        String office;
        String context;

        Tu(String srclang, String creationId, String creationDate) {
            this.srclang = srclang;
            this.creationId = creationId;
            this.creationDate = creationDate;
        }

        void prop(String type, String value) {
            if (OFFICE.equals(type)) {
                office = value.strip();
            } else if (CONTEXT.equals(type)) {
                context = value.strip();
            }
        }

        Unit unit(String headerLang) {
            String src = srclang != null ? srclang : headerLang;
            Instant created = null;
            if (creationDate != null) {
                try {
                    created = Instant.from(DATE.parse(creationDate.strip()));
                } catch (DateTimeParseException ignored) {
                    // a date in another form: the unit counts as remembered now
                }
            }
            return new Unit(src == null ? "" : src.toLowerCase(Locale.ROOT), List.copyOf(variants), creationId,
                    created, office, context);
        }
    }
}
