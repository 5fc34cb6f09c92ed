package jp.kakehashi.feed;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.kakehashi.system.SafeXml;

/**
 * Atom 1.0 (RFC 4287) from a {@link Feed}. Text is written by the StAX writer, which escapes it;
 * the characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates) are left out.
 */
final class AtomWriter {
    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomWriter() {
    }

    static byte[] write(Feed feed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", feed.lang());
            text(w, "id", feed.id());
            text(w, "title", feed.title());
            text(w, "updated", time(feed.updated()));
            w.writeStartElement("author");
            text(w, "name", feed.author());
            w.writeEndElement();
            link(w, "self", MEDIA_TYPE, feed.self());
            link(w, "alternate", "text/html", feed.alternate());
            for (Feed.Entry e : feed.entries()) {
                w.writeStartElement("entry");
                text(w, "id", e.id());
                text(w, "title", e.title());
                text(w, "updated", time(e.updated()));
                text(w, "published", time(e.published()));
                link(w, "alternate", "text/html", e.link());
                w.writeEmptyElement("category");
                w.writeAttribute("term", e.office());
                w.writeAttribute("label", clean(e.officeName()));
                w.writeStartElement("content");
                w.writeAttribute("type", "text");
                w.writeCharacters(clean(e.text()));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a feed to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter w, String element, String text) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(clean(text));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    private static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** Only the characters XML 1.0 allows: tab, line feed, carriage return and the rest from U+0020. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    b.append(c).append(text.charAt(++i));
                }
            } else if (SafeXml.xmlChar(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
