package io.atlas.domain.file;

import io.atlas.domain.record.RejectReason;
import io.atlas.domain.record.SourceField;
import io.atlas.domain.record.SourceFields;
import io.atlas.domain.record.ValueKind;
import java.io.IOException;
import java.io.Reader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * XML error logs: a root {@code <errors>} whose child elements are records. Read with the JDK's own StAX parser,
 * {@link XMLInputFactory#newDefaultFactory()}, never one found on the class path: {@code newInstance()} follows
 * {@code META-INF/services}, and Hadoop's shaded Woodstox (on the local adapter's class path) registers itself
 * there, which would apply these settings to a parser they were not tested on. DTDs and external entities are off;
 * any DOCTYPE stops the read as {@code UNSAFE_XML} before anything after it is parsed. The JDK's 1000-character
 * limit on element names is raised to the record size, so an unknown element is ignored whatever its name's
 * length (SPEC §3); text is read in chunks, not coalesced, so an element of any length costs bounded memory and
 * only the record limit's worth is kept. A child that is not {@code <error>} is a
 * {@code MALFORMED_RECORD}; a field holding elements instead of text is {@code INVALID_FIELD_TYPE} (through
 * {@link ValueKind#STRUCTURE}). Field text is trimmed: XML indentation is not data.
 */
final class XmlErrorCursor extends CurrentRecord {
    static final String ROOT = "errors";
    static final String RECORD = "error";
    /** The JDK parser's limit on the length of an element or attribute name (1000 by default). */
    private static final String MAX_NAME_LENGTH = "jdk.xml.maxXMLNameLimit";
    /** The longest field text whose builder is kept for the next field. */
    private static final int KEPT_FIELD_CHARS = 1 << 16;

    private final Reader in;
    private final ReadLimits limits;
    private final XMLStreamReader xml;
    private final StringBuilder raw = new StringBuilder();
    /** The text of the field being read, reused from field to field (but not after a long one, see readField). */
    private StringBuilder fieldText = new StringBuilder();
    /** This thread's field value caches. */
    private final CharTextCache[] texts = CharTextCache.forThisThread();
    private long recordBytes;
    private boolean finished;

    XmlErrorCursor(Reader in, ReadLimits limits) throws IOException {
        this.in = in;
        this.limits = limits;
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Text arrives in the parser's chunks, never a whole text node at once: a huge one stays bounded.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(MAX_NAME_LENGTH, Integer.toString(limits.maxRecordBytes()));
        try {
            this.xml = factory.createXMLStreamReader(in);
            openRoot();
        } catch (XMLStreamException | RuntimeException e) {
            throw failure(e);
        }
    }

    private void openRoot() throws XMLStreamException, FileContentException {
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new FileContentException(FileRejectReason.UNSAFE_XML,
                        "XML declares a DOCTYPE (DTDs and entity declarations are refused)");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!ROOT.equals(xml.getLocalName())) {
                        throw new FileContentException(FileRejectReason.FORMAT_MISMATCH,
                                "XML root is <" + xml.getLocalName() + ">, expected <" + ROOT + ">");
                    }
                    return;
                }
                default -> {
                    // prolog: comments, processing instructions, whitespace
                }
            }
        }
        throw new FileContentException(FileRejectReason.MALFORMED_FILE, "XML document has no root element");
    }

    @Override
    public boolean next() throws IOException {
        if (finished) {
            return false;
        }
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    index++;
                    readRecord();
                    return true;
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    finishDocument();
                    return false;
                }
                // whitespace, comments and processing instructions between records
            }
            throw new FileContentException(FileRejectReason.MALFORMED_FILE, "XML document ends inside <" + ROOT + ">");
        } catch (XMLStreamException | RuntimeException e) {
            throw failure(e);
        }
    }

    private void finishDocument() throws XMLStreamException {
        finished = true;
        while (xml.hasNext()) {
            xml.next(); // the parser rejects anything but comments, PIs and whitespace after the root
        }
    }

    private void readRecord() throws XMLStreamException {
        fields.clear();
        raw.setLength(0);
        recordBytes = 0;
        String name = xml.getLocalName();
        appendTag("<", name);
        boolean isRecord = RECORD.equals(name);
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                readField();
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                appendText(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
        appendTag("</", name);
        if (recordBytes > limits.maxRecordBytes()) {
            problem = new Problem(RejectReason.RECORD_TOO_LARGE,
                    "record of " + recordBytes + " bytes exceeds the limit of " + limits.maxRecordBytes());
        } else if (!isRecord) {
            problem = new Problem(RejectReason.MALFORMED_RECORD,
                    "element <" + name + "> is not an <" + RECORD + "> record");
        } else {
            problem = null;
        }
    }

    /**
     * Reads one child of a record: its text, or a marker that it holds elements. The text's chunks are read where
     * the parser holds them, and a value that repeats is the same String each time ({@link CharTextCache}).
     */
    private void readField() throws XMLStreamException {
        String name = xml.getLocalName();
        appendTag("<", name);
        StringBuilder text = fieldText;
        text.setLength(0);
        boolean nested = false;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    nested = true;
                    appendTag("<", xml.getLocalName());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    appendTag("</", xml.getLocalName());
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    char[] chars = xml.getTextCharacters();
                    int start = xml.getTextStart();
                    int length = xml.getTextLength();
                    appendText(chars, start, length);
                    if (depth == 1 && recordBytes <= limits.maxRecordBytes()) {
                        text.append(chars, start, length);
                    }
                }
                default -> {
                    // comments and processing instructions inside a field are not data
                }
            }
        }
        SourceField field = SourceField.forXmlName(name);
        if (field != null) {
            if (nested) {
                fields.set(field, ValueKind.STRUCTURE, "");
            } else {
                fields.set(field, ValueKind.TEXT, strippedText(field, text));
            }
        }
        if (text.capacity() > KEPT_FIELD_CHARS) {
            fieldText = new StringBuilder(); // a field of up to the record limit: its room is not kept for the file
        }
    }

    /** The field's text without the whitespace around it (as {@link String#strip()}), the cached String if it repeats. */
    private String strippedText(SourceField field, StringBuilder text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return CharTextCache.of(texts, field).text(text, start, end);
    }

    /** Adds an opening ({@code "<"}) or closing ({@code "</"}) tag to the record's raw text and its size. */
    private void appendTag(String opening, String name) {
        recordBytes += opening.length() + 1 + Utf8.encodedLength(name);
        int room = ReadLimits.RAW_RECORD_BYTES - raw.length();
        if (room >= opening.length() + name.length() + 1) {
            raw.append(opening).append(name).append('>');
        } else if (room > 0) {
            raw.append(opening + name + ">", 0, room);
        }
    }

    /**
     * Adds a chunk of text to the record's raw text, with {@code &} and {@code <} escaped again, and its UTF-8 size
     * (escaped) to the record's, from the parser's characters: a String only for a chunk with markup.
     */
    private void appendText(char[] chars, int start, int length) {
        int end = start + length;
        long escapes = 0; // the bytes &amp; and &lt; add to the & and < they replace
        for (int i = start; i < end; i++) {
            if (chars[i] == '&') {
                escapes += 4;
            } else if (chars[i] == '<') {
                escapes += 3;
            }
        }
        recordBytes += Utf8.encodedLength(chars, start, end) + escapes;
        int room = ReadLimits.RAW_RECORD_BYTES - raw.length();
        if (room <= 0) {
            return;
        }
        if (escapes > 0) {
            String escaped = escape(new String(chars, start, length));
            raw.append(escaped, 0, Math.min(room, escaped.length()));
        } else {
            raw.append(chars, start, Math.min(room, length));
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static IOException failure(Exception e) {
        if (e instanceof FileContentException content) {
            return content;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SourceReadException source) {
                return source;
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
        return new FileContentException(FileRejectReason.MALFORMED_FILE, "XML document is not well-formed: " + message, e);
    }

    @Override
    public String rawText() {
        return Utf8.truncate(raw.toString());
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader releases nothing we hold beyond the stream, closed next
        }
        in.close();
    }
}
