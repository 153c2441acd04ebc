package io.atlas.domain.file;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 checks and the {@code raw_record} text of a record's bytes. */
public final class Utf8 {
    private Utf8() {}

    /** Whether the bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). */
    public static boolean isValid(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            // ASCII fast path, 8 bytes at a time.
            while (i + 8 <= end && (bytes[i] | bytes[i + 1] | bytes[i + 2] | bytes[i + 3]
                    | bytes[i + 4] | bytes[i + 5] | bytes[i + 6] | bytes[i + 7]) >= 0) {
                i += 8;
            }
            if (i >= end) {
                break;
            }
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
            } else if (b >= 0xc2 && b <= 0xdf) {
                if (i + 1 >= end || !continuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (b >= 0xe0 && b <= 0xef) {
                if (i + 2 >= end || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
                    return false;
                }
                int b1 = bytes[i + 1] & 0xff;
                if ((b == 0xe0 && b1 < 0xa0) || (b == 0xed && b1 > 0x9f)) {
                    return false; // overlong, or a UTF-16 surrogate
                }
                i += 3;
            } else if (b >= 0xf0 && b <= 0xf4) {
                if (i + 3 >= end || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])
                        || !continuation(bytes[i + 3])) {
                    return false;
                }
                int b1 = bytes[i + 1] & 0xff;
                if ((b == 0xf0 && b1 < 0x90) || (b == 0xf4 && b1 > 0x8f)) {
                    return false; // overlong, or above U+10FFFF
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xc0) == 0x80;
    }

    /**
     * The bytes as text for {@code raw_record}: at most {@link ReadLimits#RAW_RECORD_BYTES} bytes, cut at a
     * character boundary, malformed sequences replaced by U+FFFD.
     */
    public static String rawText(byte[] bytes, int offset, int length) {
        int cut = Math.min(length, ReadLimits.RAW_RECORD_BYTES);
        return decode(bytes, offset, cut < length ? characterBoundary(bytes, offset, cut) : cut);
    }

    /**
     * The kept start of a record that was cut short (over the record limit), as {@link #rawText}: a character the
     * cut fell inside is left out rather than shown as U+FFFD.
     */
    public static String rawPrefix(byte[] bytes, int offset, int length) {
        return decode(bytes, offset, characterBoundary(bytes, offset, Math.min(length, ReadLimits.RAW_RECORD_BYTES)));
    }

    /** {@code end}, or the start of the character {@code end} falls inside (the bytes before it tell). */
    private static int characterBoundary(byte[] bytes, int offset, int end) {
        int lead = end;
        while (lead > 0 && end - lead < 3 && continuation(bytes[offset + lead - 1])) {
            lead--;
        }
        if (lead == 0) {
            return end;
        }
        int b = bytes[offset + lead - 1] & 0xff;
        int width = b >= 0xf8 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        return lead - 1 + width > end ? lead - 1 : end;
    }

    private static String decode(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("A replacing decoder cannot fail", e);
        }
    }

    /** The number of bytes {@code text} takes in UTF-8 (an unpaired surrogate counts as the 3 bytes of U+FFFD). */
    public static long encodedLength(String text) {
        long bytes = 0;
        int end = text.length();
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : encodedLength(c, Character.isSurrogate(c) && (Character.isHighSurrogate(c)
                    ? i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))
                    : i > 0 && Character.isHighSurrogate(text.charAt(i - 1))));
        }
        return bytes;
    }

    /** {@link #encodedLength(String)} of {@code chars[start, end)}, a surrogate paired only within the range. */
    static long encodedLength(char[] chars, int start, int end) {
        long bytes = 0;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            bytes += c < 0x80 ? 1 : encodedLength(c, Character.isSurrogate(c) && (Character.isHighSurrogate(c)
                    ? i + 1 < end && Character.isLowSurrogate(chars[i + 1])
                    : i > start && Character.isHighSurrogate(chars[i - 1])));
        }
        return bytes;
    }

    /** The UTF-8 bytes of a char from U+0080: 2 below U+0800, 3 above, and 2 for each half of a surrogate pair. */
    private static int encodedLength(char c, boolean pairedSurrogate) {
        return c < 0x800 || pairedSurrogate ? 2 : 3;
    }

    /** Truncates text to {@link ReadLimits#RAW_RECORD_BYTES} UTF-8 bytes at a code point boundary. */
    public static String truncate(String text) {
        if (text.length() * 3L <= ReadLimits.RAW_RECORD_BYTES) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= ReadLimits.RAW_RECORD_BYTES) {
            return text;
        }
        return rawText(bytes, 0, bytes.length);
    }
}
