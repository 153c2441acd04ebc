package io.atlas.domain.file;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.SourceFields;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import org.jspecify.annotations.Nullable;

/**
 * Opens a file's records by format after confirming the content is that format (SPEC §2 step 1): gzip magic
 * {@code 1f 8b} for {@code json_gzip} (then one JSON array, or NDJSON); an XML root {@code <errors>} for
 * {@code xml_errors}; NDJSON lines of objects for {@code ndjson}. JSON is UTF-8, a byte-order mark at the start of
 * the (inflated) content skipped; XML is in the encoding its byte-order mark, first bytes and declaration give
 * ({@link ContentEncoding}).
 */
public final class RecordCursors {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER = 64 * 1024;

    private RecordCursors() {}

    /**
     * Opens {@code content} (which the cursor closes).
     *
     * @throws FileContentException the content is not the format, or damaged at its start
     * @throws SourceReadException the storage failed
     */
    public static RecordCursor open(LogFormat format, InputStream content, ReadLimits limits) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new SourceGuardInputStream(content), BUFFER);
        try {
            return switch (format) {
                case NDJSON -> openNdjson(in, limits, Long.MAX_VALUE);
                case JSON_GZIP -> openJsonGzip(in, limits);
                case XML_ERRORS -> openXml(in, limits);
            };
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Opens the lines of an uncompressed NDJSON file that start within {@code [0, length)} of {@code content}, which is
     * positioned at a line start {@code start} bytes into the file (a range for parallel reading). Line numbers count
     * from 1 at that start. The range at the file's start gets the same content checks and byte-order-mark handling
     * as {@link #open}.
     */
    public static RecordCursor openNdjsonRange(InputStream content, long start, long length, ReadLimits limits)
            throws IOException {
        if (start > 0) {
            return new NdjsonCursor(new SourceGuardInputStream(content), limits, new JsonObjectReader(limits), false, length);
        }
        BufferedInputStream in = new BufferedInputStream(new SourceGuardInputStream(content), BUFFER);
        try {
            return openNdjson(in, limits, length);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static RecordCursor openNdjson(BufferedInputStream in, ReadLimits limits, long lineStartLimit)
            throws IOException {
        if (startsWithGzipMagic(in)) {
            throw mismatch("content is gzip-compressed, expected NDJSON text");
        }
        ContentEncoding.requireUtf8Json(in, "NDJSON");
        int skipped = skipByteOrderMark(in);
        int first = firstNonWhitespace(in);
        if (first == '<') {
            throw mismatch("content is XML, expected NDJSON");
        }
        JsonObjectReader reader = new JsonObjectReader(limits);
        if (first == '[' && !firstLineIsCompleteJson(in, reader)) {
            throw mismatch("content is a JSON array spread over lines, expected NDJSON (one object per line)");
        }
        // A first line that is a whole JSON array is one bad record, unless no line at all is a JSON object.
        long limit = lineStartLimit == Long.MAX_VALUE ? lineStartLimit : lineStartLimit - skipped;
        return new NdjsonCursor(in, limits, reader, first == '[', limit);
    }

    private static RecordCursor openJsonGzip(BufferedInputStream in, ReadLimits limits) throws IOException {
        if (firstNonWhitespace(in) == -1) {
            return new EmptyCursor(in);
        }
        if (!startsWithGzipMagic(in)) {
            throw mismatch("content has no gzip magic 1f 8b");
        }
        BufferedInputStream inflated = new BufferedInputStream(GzipContent.open(in, limits), BUFFER);
        ContentEncoding.requireUtf8Json(inflated, "gzip'd JSON");
        skipByteOrderMark(inflated);
        JsonObjectReader reader = new JsonObjectReader(limits);
        int first = firstNonWhitespace(inflated);
        if (first == '[') {
            return new JsonArrayCursor(inflated, limits, reader);
        }
        if (first == '<') {
            throw mismatch("gzip holds XML, expected a JSON array or NDJSON");
        }
        return new NdjsonCursor(inflated, limits, reader, false);
    }

    private static RecordCursor openXml(BufferedInputStream in, ReadLimits limits) throws IOException {
        if (startsWithGzipMagic(in)) {
            throw mismatch("content is gzip-compressed, expected XML");
        }
        Charset charset = ContentEncoding.xml(in);
        BufferedReader text = new BufferedReader(strictReader(in, charset), BUFFER);
        int first = firstNonWhitespace(text, charset);
        if (first == -1) {
            return new EmptyCursor(text);
        }
        if (first != '<') {
            throw mismatch("content is not XML (starts with '" + (char) first + "')");
        }
        return new XmlErrorCursor(text, limits);
    }

    /**
     * Decoding happens here, strictly, so a byte sequence that is not valid in the charset fails the document
     * (MALFORMED_FILE) instead of the JDK parser printing to stderr.
     */
    private static InputStreamReader strictReader(InputStream in, Charset charset) {
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The first character that is not XML whitespace, -1 at end of input, -2 if none in the first 64 Ki; consumes nothing. */
    private static int firstNonWhitespace(BufferedReader text, Charset charset) throws IOException {
        text.mark(BUFFER);
        int first = -2;
        try {
            for (int i = 0; i < BUFFER; i++) {
                int c = text.read();
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    first = c;
                    break;
                }
            }
        } catch (CharacterCodingException e) {
            throw new FileContentException(FileRejectReason.MALFORMED_FILE,
                    "XML document is not well-formed: its first characters are not valid " + charset.name(), e);
        }
        text.reset();
        return first;
    }

    private static FileContentException mismatch(String detail) {
        return new FileContentException(FileRejectReason.FORMAT_MISMATCH, detail);
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2;
    }

    /** Skips a UTF-8 byte-order mark; returns the bytes skipped (3 or 0). */
    private static int skipByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (in.read() == 0xef && in.read() == 0xbb && in.read() == 0xbf) {
            return 3;
        }
        in.reset();
        return 0;
    }

    /** Whether the first line (within 64 KiB) holds one complete JSON value and nothing else. */
    private static boolean firstLineIsCompleteJson(BufferedInputStream in, JsonObjectReader reader) throws IOException {
        in.mark(BUFFER);
        byte[] head = in.readNBytes(BUFFER);
        in.reset();
        int end = 0;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        return reader.isOneJsonValue(head, 0, end);
    }

    /** The first byte that is not JSON/XML whitespace, -1 at end of input, -2 if none in the first 64 KiB; consumes nothing. */
    private static int firstNonWhitespace(BufferedInputStream in) throws IOException {
        in.mark(BUFFER);
        try {
            for (int i = 0; i < BUFFER; i++) {
                int b = in.read();
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b;
                }
            }
            return -2;
        } finally {
            in.reset();
        }
    }

    /** A file with no content at all. */
    private static final class EmptyCursor implements RecordCursor {
        private final Closeable in;

        EmptyCursor(Closeable in) {
            this.in = in;
        }

        @Override
        public boolean next() {
            return false;
        }

        @Override
        public long index() {
            return 0;
        }

        @Override
        public @Nullable Problem problem() {
            return null;
        }

        @Override
        public SourceFields fields() {
            return new SourceFields();
        }

        @Override
        public String rawText() {
            return "";
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
