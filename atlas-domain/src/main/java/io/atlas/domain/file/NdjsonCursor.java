package io.atlas.domain.file;

import io.atlas.domain.record.SourceFields;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** NDJSON: one JSON object per line; blank lines are not records but count in line numbers. */
final class NdjsonCursor extends CurrentRecord {
    private final InputStream in;
    private final BoundedLineReader lines;
    private final ReadLimits limits;
    private final JsonObjectReader reader;
    private final boolean needsValidObject;
    private boolean sawObjectLine;
    private boolean sawValidObject;

    /** @param needsValidObject confirm the format only by a line that parses as a JSON object, not one that starts like one */
    NdjsonCursor(InputStream in, ReadLimits limits, JsonObjectReader reader, boolean needsValidObject) {
        this(in, limits, reader, needsValidObject, Long.MAX_VALUE);
    }

    /** A cursor over the lines starting before {@code lineStartLimit} bytes of {@code in} (a range of a file). */
    NdjsonCursor(InputStream in, ReadLimits limits, JsonObjectReader reader, boolean needsValidObject, long lineStartLimit) {
        this.in = in;
        this.needsValidObject = needsValidObject;
        this.lines = new BoundedLineReader(in, limits.maxRecordBytes(), lineStartLimit);
        this.limits = limits;
        this.reader = reader;
    }

    @Override
    public boolean next() throws IOException {
        while (lines.readLine()) {
            index++;
            byte[] bytes = lines.bytes();
            int offset = lines.offset();
            int length = lines.length();
            if (!lines.oversized() && JsonRecordSlice.isBlank(bytes, offset, length)) {
                continue;
            }
            if (JsonRecordSlice.startsWithBrace(bytes, offset, length)) {
                sawObjectLine = true;
            }
            problem = JsonRecordSlice.classify(
                    bytes, offset, length, lines.oversized(), lines.oversizedLength(), limits, reader, fields);
            sawValidObject |= problem == null;
            return true;
        }
        return false;
    }

    @Override
    public String rawText() {
        return lines.oversized() ? Utf8.rawPrefix(lines.bytes(), lines.offset(), lines.length())
                : Utf8.rawText(lines.bytes(), lines.offset(), lines.length());
    }

    @Override
    public boolean contentConfirmed() {
        return needsValidObject ? sawValidObject : sawObjectLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
