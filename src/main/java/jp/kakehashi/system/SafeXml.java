package jp.kakehashi.system;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reading uploaded XML (TBX, XLIFF): StAX with DTDs and external entities off, and a document that
 * carries a DOCTYPE or an entity reference at all is refused, which closes entity expansion (billion
 * laughs) and XXE whatever the parser's defaults. Every failure is 400 INVALID_XML naming the format.
 */
public final class SafeXml {
    private SafeXml() {
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
