package jp.kakehashi.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reading uploaded XML (TBX, TMX, XLIFF), and writing the exports. Reading is StAX with DTDs and
 * external entities off, and a document that carries a DOCTYPE or an entity reference at all is
 * refused, which closes entity expansion (billion laughs) and XXE whatever the parser's defaults.
 * Every failure is 400 INVALID_XML naming the format. {@link #read} owns the loop each format used
 * to write for itself: open, check the root, hand each tag to the format's {@link Visitor}, refuse
 * a file without the root, map failures; {@link #write} owns the writer's opening and closing.
 */
public final class SafeXml {
    private SafeXml() {
    }

    /** A format's part of reading a file: what to do at each tag. The root has been checked. */
    public interface Visitor {
        /** At a start tag; may consume the element whole (with {@link #text}), and then sees no end. */
        void start(XMLStreamReader r, String name) throws XMLStreamException;

        /** At an end tag. */
        default void end(String name) {
        }

        /** Text between tags, outside elements the visitor consumed. */
        default void characters(String text) {
        }
    }

    /** Checks the root element; throws {@link #invalid} when it is not the format's. */
    public interface RootCheck {
        void check(XMLStreamReader r);
    }

    /** What a format writes between the XML declaration and the end of the document. */
    public interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /** A UTF-8 document written by {@code body} (exports: TBX, TMX, XLIFF). */
    public static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A character XML 1.0 can hold on its own; a surrogate is one only as half of a pair, which the writer checks. */
    public static boolean xmlChar(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** The root check of a format whose root is {@code <name>} in {@code namespace} ("" for none). */
    public static RootCheck root(String format, String name, String namespace) {
        return r -> requireRoot(r, format, name, namespace);
    }

    /**
     * Reads {@code xml} as {@code format}: the first start tag must pass {@code root} (a file without
     * one is refused as "no &lt;rootName&gt; element"), and every tag then goes to {@code visitor}.
     */
    public static void read(byte[] xml, String format, String rootName, RootCheck root, Visitor visitor) {
        try {
            XMLStreamReader r = open(xml, format);
            boolean rooted = false;
            while (r.hasNext()) {
                switch (next(r, format)) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (!rooted) {
                            root.check(r);
                            rooted = true;
                        }
                        visitor.start(r, r.getLocalName());
                    }
                    case XMLStreamConstants.END_ELEMENT -> visitor.end(r.getLocalName());
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            visitor.characters(r.getText());
                    default -> { }
                }
            }
            if (!rooted) {
                throw invalid(format, "no <" + rootName + "> element");
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw refusal(e, format);
        }
    }

    /** 400 TOO_MANY_ITEMS once a file holds more than {@code max} of {@code what}. */
    public static void limit(int count, int max, String what) {
        if (count > max) {
            throw new ApiException(ErrorCode.TOO_MANY_ITEMS, "At most " + max + " " + what + " per file")
                    .with("limit", max);
        }
    }

    public static XMLStreamReader open(byte[] xml, String format) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            return f.createXMLStreamReader(new ByteArrayInputStream(xml));
        } catch (XMLStreamException e) {
            throw invalid(format, e.getMessage());
        }
    }

    /** The next event; a DOCTYPE or entity reference is refused. */
    public static int next(XMLStreamReader r, String format) throws XMLStreamException {
        int event = r.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw invalid(format, "DOCTYPE and entity references are not accepted");
        }
        return event;
    }

    /**
     * The text of the element the reader is on, up to its end tag; refuses child elements and entity
     * references. The JDK's {@code getElementText()} appends an unresolved entity reference's text,
     * which is {@code null}, so {@code <term>&nope;</term>} read as the word "null".
     */
    public static String text(XMLStreamReader r, String format) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next(r, format);
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> { }
                default -> throw invalid(format, "<" + r.getLocalName() + "> must hold text only");
            }
        }
    }

    /**
     * Refuses a root element of another name or namespace: a file of another vocabulary that happens
     * to use the same local names must not be read as this one.
     */
    public static void requireRoot(XMLStreamReader r, String format, String name, String namespace) {
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        if (!name.equals(r.getLocalName()) || !namespace.equals(ns)) {
            throw invalid(format, "the root element must be <" + name + ">"
                    + (namespace.isEmpty() ? " in no namespace" : " in the namespace " + namespace));
        }
    }

    public static ApiException invalid(String format, String why) {
        return new ApiException(ErrorCode.INVALID_XML, "Not a usable " + format + " file: " + why);
    }

    /** What a failure while reading becomes: the reader's own refusals as they are, anything else 400. */
    public static ApiException refusal(Exception e, String format) {
        return e instanceof ApiException api ? api : invalid(format, e.getMessage());
    }
}
