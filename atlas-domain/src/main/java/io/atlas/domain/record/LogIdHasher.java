package io.atlas.domain.record;

import io.atlas.domain.lake.LogType;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * {@code log_id}: the SHA-256 (lower-case hex) of a record's canonical content, so identical content is one
 * event wherever and however often it is delivered. The content columns are, in this order: log_type,
 * event_timestamp (epoch milliseconds), ip_address, device, request_type, status_code, endpoint, message,
 * app_name. Lineage columns ({@code raw_format}, {@code source_file}) are not content. Each string is written as
 * a 0x01 tag, its UTF-8 length (4 bytes, big-endian) and its bytes; a null as a single 0x00 tag, so no two
 * different contents share an encoding.
 *
 * <p>The encoding is gathered in one reused buffer and digested at once; ASCII text is copied there character by
 * character instead of through a new byte array per string ({@code String.getBytes} remains for other text, so
 * every string, unpaired surrogates included, hashes the bytes it always did).
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class LogIdHasher {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final MessageDigest digest;
    /** The record's encoding so far: {@code length} bytes. */
    private byte[] buffer = new byte[512];
    private int length;
    private final byte[] sha = new byte[32];
    private final byte[] hex = new byte[64];

    public LogIdHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash log ids: the JDK has no SHA-256", e);
        }
    }

    public String logId(
            LogType logType,
            long epochMillis,
            String ipAddress,
            @Nullable String device,
            String requestType,
            int statusCode,
            @Nullable String endpoint,
            @Nullable String message,
            String appName) {
        length = 0;
        string(logType.partitionValue());
        longValue(epochMillis);
        string(ipAddress);
        string(device);
        string(requestType);
        intValue(statusCode);
        string(endpoint);
        string(message);
        string(appName);
        digest.update(buffer, 0, length);
        try {
            digest.digest(sha, 0, sha.length); // into the reused array (and resets the digest)
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 did not fit its 32 bytes", e);
        }
        for (int i = 0; i < sha.length; i++) {
            hex[2 * i] = HEX_DIGITS[(sha[i] >>> 4) & 0xf];
            hex[2 * i + 1] = HEX_DIGITS[sha[i] & 0xf];
        }
        return new String(hex, StandardCharsets.US_ASCII);
    }

    private void string(@Nullable String value) {
        if (value == null) {
            reserve(1);
            buffer[length++] = 0;
            return;
        }
        int chars = value.length();
        reserve(5 + chars);
        int at = length + 5;
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                bytes(value.getBytes(StandardCharsets.UTF_8));
                return;
            }
            buffer[at + i] = (byte) c;
        }
        buffer[length] = 1;
        putInt(length + 1, chars);
        length += 5 + chars;
    }

    private void bytes(byte[] utf8) {
        reserve(5 + utf8.length);
        buffer[length] = 1;
        putInt(length + 1, utf8.length);
        System.arraycopy(utf8, 0, buffer, length + 5, utf8.length);
        length += 5 + utf8.length;
    }

    private void intValue(int value) {
        reserve(4);
        putInt(length, value);
        length += 4;
    }

    private void putInt(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    private void longValue(long value) {
        reserve(8);
        for (int i = 7; i >= 0; i--) {
            buffer[length + 7 - i] = (byte) (value >>> (i * 8));
        }
        length += 8;
    }

    private void reserve(int more) {
        if (length + more > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
