package jp.kakehashi.glossary;

import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import jp.kakehashi.system.SafeXml;

/**
 * TBX (ISO 30042, TBX-Basic dialect) for the glossary: one conceptEntry per term pair, the office
 * as {@code <admin type="customerSubset">}, the note as {@code <note>}, the status on the English
 * term as administrativeStatus (preferredTerm-admn-sts / deprecatedTerm-admn-sts).
 *
 * <p>Reading is {@link SafeXml}: no DTDs, no entities; a termbase has no use for either. The root is
 * {@code <tbx>} in the ISO 30042:2019 namespace, or {@code <martif>} in none (TBX 2008 defines no
 * namespace); a {@code <tbx>} of another namespace or none is another vocabulary and refused.
 */
final class TbxFormat {
    static final String NS = "urn:iso:std:iso:30042:ed-2";
    static final int MAX_ENTRIES = 10_000;
    private static final String FORMAT = "TBX";

    private TbxFormat() {
    }

    static byte[] write(List<GlossaryTerm> terms) {
        return SafeXml.write(w -> {
            w.writeStartElement("tbx");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("style", "dca");
            w.writeAttribute("type", "TBX-Basic");
            w.writeAttribute(XMLConstants.XML_NS_URI, "lang", "en");
            w.writeStartElement("tbxHeader");
            w.writeStartElement("fileDesc");
            w.writeStartElement("sourceDesc");
            element(w, "p", "Kakehashi glossary");
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("text");
            w.writeStartElement("body");
            for (GlossaryTerm t : terms) {
                w.writeStartElement("conceptEntry");
                w.writeAttribute("id", "t" + t.id());
                w.writeStartElement("admin");
                w.writeAttribute("type", "customerSubset");
                w.writeCharacters(t.scope());
                w.writeEndElement();
                if (!t.note().isEmpty()) {
                    element(w, "note", t.note());
                }
                langSec(w, "ja", t.termJa(), null);
                langSec(w, "en", t.termEn(), t.status() == GlossaryTerm.Status.PREFERRED
                        ? "preferredTerm-admn-sts" : "deprecatedTerm-admn-sts");
                w.writeEndElement();
            }
        });
    }

    private static void langSec(XMLStreamWriter w, String lang, String term, String status) throws XMLStreamException {
        w.writeStartElement("langSec");
        w.writeAttribute(XMLConstants.XML_NS_URI, "lang", lang);
        w.writeStartElement("termSec");
        element(w, "term", term);
        if (status != null) {
            w.writeStartElement("termNote");
            w.writeAttribute("type", "administrativeStatus");
            w.writeCharacters(status);
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** The term pairs of a TBX file: every Japanese term of an entry with every English one. */
    static List<GlossaryCommand> read(byte[] xml) {
        Reading reading = new Reading();
        SafeXml.read(xml, FORMAT, "tbx", r -> {
            boolean martif = "martif".equals(r.getLocalName());
            SafeXml.requireRoot(r, FORMAT, martif ? "martif" : "tbx", martif ? "" : NS);
        }, reading);
        return reading.commands;
    }

    /** The entry being read and the term within it. */
    private static final class Reading implements SafeXml.Visitor {
        final List<GlossaryCommand> commands = new ArrayList<>();
        Entry entry;
        String lang;
        String status;
        String term;

        @Override
        public void start(XMLStreamReader r, String name) throws XMLStreamException {
            switch (name) {
                case "conceptEntry", "termEntry" -> entry = new Entry();
                case "langSec", "langSet" -> lang = r.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
                case "termSec", "tig", "ntig" -> {
                    status = null;
                    term = null;
                }
                case "term" -> term = SafeXml.text(r, FORMAT).strip();
                case "termNote" -> {
                    if ("administrativeStatus".equals(r.getAttributeValue(null, "type"))) {
                        status = status(SafeXml.text(r, FORMAT).strip());
                    }
                }
                case "admin" -> {
                    if (entry != null && "customerSubset".equals(r.getAttributeValue(null, "type"))) {
                        entry.office = SafeXml.text(r, FORMAT).strip();
                    }
                }
                case "note" -> {
                    if (entry != null) {
                        entry.note = SafeXml.text(r, FORMAT).strip();
                    }
                }
                default -> { }
            }
        }

        @Override
        public void end(String name) {
            if (entry == null) {
                return;
            }
            switch (name) {
                case "termSec", "tig", "ntig" -> entry.add(lang, term, status);
                case "conceptEntry", "termEntry" -> {
                    entry.emit(commands);
                    entry = null;
                    SafeXml.limit(commands.size(), MAX_ENTRIES, "term pairs");
                }
                default -> { }
            }
        }
    }



    /**
     * TBX-Basic's four administrative statuses, as the glossary's two: a term to use (preferred,
     * admitted) or one to avoid (deprecated, superseded). Any other value is refused rather than
     * guessed: reading an unknown status as "preferred" could turn a term to avoid into one that QA
     * asks for.
     */
    private static String status(String value) {
        return switch (value) {
            case "preferredTerm-admn-sts", "admittedTerm-admn-sts" -> "PREFERRED";
            case "deprecatedTerm-admn-sts", "supersededTerm-admn-sts" -> "FORBIDDEN";
            default -> throw new ApiException(ErrorCode.VALIDATION_FAILED, "Unknown administrativeStatus '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'; use preferredTerm-admn-sts,"
                    + " admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts")
                    .with("field", "administrativeStatus");
        };
    }

    private static final class Entry {
        String office;
        String note;
        final List<String> ja = new ArrayList<>();
        final List<String[]> en = new ArrayList<>();

        void add(String lang, String term, String status) {
            if (term == null || term.isEmpty() || lang == null) {
                return;
            }
            if (lang.toLowerCase().startsWith("ja")) {
                ja.add(term);
            } else if (lang.toLowerCase().startsWith("en")) {
                en.add(new String[] {term, status == null ? "PREFERRED" : status});
            }
        }

        void emit(List<GlossaryCommand> out) {
            for (String j : ja) {
                for (String[] e : en) {
                    out.add(new GlossaryCommand(j, e[0], note, office, e[1]));
                }
            }
        }
    }
}
