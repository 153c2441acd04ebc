package io.atlas.domain.file;

import io.atlas.domain.record.RejectReason;
import io.atlas.domain.record.SourceFields;
import org.jspecify.annotations.Nullable;

/** The checks every JSON record (NDJSON line or array element) goes through, in order: size, encoding, syntax. */
final class JsonRecordSlice {
    private JsonRecordSlice() {}

    static RecordCursor.@Nullable Problem classify(byte[] bytes, int offset, int length, boolean oversized,
            long fullLength, ReadLimits limits, JsonObjectReader reader, SourceFields out) {
        out.clear();
        if (oversized) {
            return new RecordCursor.Problem(RejectReason.RECORD_TOO_LARGE,
                    "record of " + fullLength + " bytes exceeds the limit of " + limits.maxRecordBytes() + " bytes");
        }
        if (!Utf8.isValid(bytes, offset, length)) {
            return new RecordCursor.Problem(RejectReason.INVALID_ENCODING, "record is not valid UTF-8");
        }
        String malformed = reader.read(bytes, offset, length, out);
        if (malformed != null) {
            return new RecordCursor.Problem(RejectReason.MALFORMED_RECORD, malformed);
        }
        return null;
    }

    static boolean isBlank(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithBrace(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }
}
